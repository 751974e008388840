import {
  CLAIM_COLUMNS,
  claimColumns,
  REPORT_COLUMNS,
  ReportFactTable,
  reportFactColumns,
  TIMELINE_AGENCY_COLUMNS,
  timelineAgencyColumns,
} from '../src/reports/report-columns';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The approval-rate report reads facts kept by triggers (src/reports/REPORT-FACTS.md). Every column of the tables
 * those triggers watch is declared in src/reports/report-columns.ts as feeding the report or not, and the declaration
 * is held to the triggers as they are in the migrated database, so that neither a new column nor the declaration
 * can slip past them.
 */
describe('report columns', () => {
  let t: TestApp;
  const tables = Object.keys(REPORT_COLUMNS) as ReportFactTable[];
  /** Per table: its report triggers' definitions, and the source of every function of the schema they reach. */
  const triggerText = new Map<ReportFactTable, string>();
  /** Per table: the columns its report triggers fire on when they change (`OLD.x IS DISTINCT FROM NEW.x`). */
  const watched = new Map<ReportFactTable, Set<string>>();
  const updateTriggers = new Map<ReportFactTable, { definition: string; function: string }[]>();
  const primaryKeys = new Map<ReportFactTable, Set<string>>();

  /** `OLD.x IS DISTINCT FROM NEW.x` as pg_get_triggerdef prints it: `(old.x)::text IS DISTINCT FROM (new.x)::text` for varchar. */
  const WATCHED_COLUMN = /\bold\.(\w+)\)?(?:::\w+)? IS DISTINCT FROM \(?new\.(\w+)/gi;
  const mentions = (text: string, column: string) => new RegExp(`(^|[^a-z0-9_])${column}([^a-z0-9_]|$)`).test(text);

  beforeAll(async () => {
    t = await createTestApp();
    // Report triggers: those whose function keeps report_fact_writes (note_report_fact_*) or report_period_facts.
    const triggers: { table: ReportFactTable; definition: string; function: string }[] = await t.db.query(
      `SELECT c.relname AS table, pg_get_triggerdef(tg.oid) AS definition, p.proname AS function
         FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid
        WHERE NOT tg.tgisinternal AND c.relnamespace = current_schema()::text::regnamespace AND c.relname = ANY($1)
          AND (p.proname LIKE 'note_report_fact%' OR p.proname LIKE 'report_period_facts%')`,
      [tables],
    );
    const functions: { name: string; source: string }[] = await t.db.query(
      `SELECT proname AS name, prosrc AS source FROM pg_proc WHERE pronamespace = current_schema()::text::regnamespace`,
    );
    const sourceOf = new Map(functions.map((f) => [f.name, f.source]));
    for (const table of tables) {
      const own = triggers.filter((trigger) => trigger.table === table);
      // The trigger functions, and the functions they call, to the end of the chain.
      const reached = new Set(own.map((trigger) => trigger.function));
      for (const name of reached) {
        for (const other of sourceOf.keys())
          if (!reached.has(other) && new RegExp(`\\b${other}\\s*\\(`).test(sourceOf.get(name) ?? '')) reached.add(other);
      }
      triggerText.set(
        table,
        [...own.map((trigger) => trigger.definition), ...[...reached].map((name) => sourceOf.get(name) ?? '')].join('\n'),
      );
      updateTriggers.set(
        table,
        own.filter((trigger) => / AFTER UPDATE /.test(trigger.definition)),
      );
      const updates = updateTriggers
        .get(table)!
        .map((trigger) => trigger.definition)
        .join('\n');
      watched.set(table, new Set([...updates.matchAll(WATCHED_COLUMN)].filter(([, a, b]) => a === b).map(([, column]) => column)));
    }
    const keys: { table: ReportFactTable; column: string }[] = await t.db.query(
      `SELECT c.relname AS table, a.attname AS column
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
        WHERE i.indisprimary AND c.relnamespace = current_schema()::text::regnamespace AND c.relname = ANY($1)`,
      [tables],
    );
    for (const table of tables) primaryKeys.set(table, new Set(keys.filter((key) => key.table === table).map((key) => key.column)));
  }, 120_000);
  afterAll(() => t.close());

  it('finds, on every table, the update triggers of both facts', () => {
    for (const table of tables) {
      const updateFunctions = updateTriggers
        .get(table)!
        .map((trigger) => trigger.function)
        .sort();
      // systems also notes a change of owner (its pending claims count for the owner: ReportClaimWrites1764220000000).
      const expected = [
        'note_report_fact_update',
        'report_period_facts_update',
        ...(table === 'systems' ? ['note_report_fact_owner_update'] : []),
      ];
      expect({ table, updateFunctions }).toEqual({ table, updateFunctions: expected.sort() });
      expect({ table, watchesColumns: watched.get(table)!.size > 0 }).toEqual({ table, watchesColumns: true });
    }
  });

  it.each(tables)('declares every column of %s as feeding the report or not, and no column it does not have', async (table) => {
    const rows: { column: string }[] = await t.db.query(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const columns = rows.map((row) => row.column);
    const declared = Object.keys(REPORT_COLUMNS[table]);
    expect({ table, undeclared: columns.filter((column) => !declared.includes(column)) }).toEqual({ table, undeclared: [] });
    expect({ table, declaredButMissing: declared.filter((column) => !columns.includes(column)) }).toEqual({
      table,
      declaredButMissing: [],
    });
  });

  it.each(tables)('finds every column of %s declared as feeding the report in its report triggers', (table) => {
    const text = triggerText.get(table)!;
    const absent = reportFactColumns(table).filter((column) => !mentions(text, column));
    expect({ table, absentFromTriggers: absent }).toEqual({ table, absentFromTriggers: [] });
    // A fact that can change must make the update triggers fire, or the facts keep its old value.
    const unwatched = reportFactColumns(table).filter((column) => !primaryKeys.get(table)!.has(column) && !watched.get(table)!.has(column));
    expect({ table, notWatchedOnUpdate: unwatched }).toEqual({ table, notWatchedOnUpdate: [] });
  });

  it('declares every column of agencies for the kept timeline, and its update trigger watches exactly those that feed it', async () => {
    const rows: { column: string }[] = await t.db.query(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'agencies'`,
    );
    const columns = rows.map((row) => row.column).sort();
    expect(Object.keys(TIMELINE_AGENCY_COLUMNS).sort()).toEqual(columns);
    const [trigger]: { definition: string }[] = await t.db.query(
      `SELECT pg_get_triggerdef(tg.oid) AS definition FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
        WHERE c.relname = 'agencies' AND tg.tgname = 'agencies_timeline_update' AND c.relnamespace = current_schema()::text::regnamespace`,
    );
    const watchedColumns = [...trigger.definition.matchAll(WATCHED_COLUMN)].filter(([, a, b]) => a === b).map(([, column]) => column);
    // The primary key never changes; every other column the timeline reads must make the trigger fire, and no other.
    expect(watchedColumns.sort()).toEqual(
      timelineAgencyColumns()
        .filter((column) => column !== 'id')
        .sort(),
    );
    const [{ source }] = await t.db.query(`SELECT prosrc AS source FROM pg_proc WHERE proname = 'report_body_timeline_of'`);
    expect(timelineAgencyColumns().filter((column) => !mentions(source, column))).toEqual([]);
  });

  it('declares every column of prior_approval_claims for the pending claims; its triggers note every row added or removed and watch exactly those that feed them', async () => {
    const rows: { column: string }[] = await t.db.query(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'prior_approval_claims'`,
    );
    expect(Object.keys(CLAIM_COLUMNS).sort()).toEqual(rows.map((row) => row.column).sort());
    const triggers: { name: string; definition: string }[] = await t.db.query(
      `SELECT tg.tgname AS name, pg_get_triggerdef(tg.oid) AS definition FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
        WHERE c.relname = 'prior_approval_claims' AND NOT tg.tgisinternal AND c.relnamespace = current_schema()::text::regnamespace
          AND tg.tgname LIKE '%report_fact%' ORDER BY tg.tgname`,
    );
    expect(triggers.map((trigger) => trigger.name)).toEqual(
      ['delete', 'insert', 'truncate', 'update'].map((event) => `prior_approval_claims_report_fact_${event}`),
    );
    const update = triggers.find((trigger) => trigger.name.endsWith('_update'))!.definition;
    const watchedColumns = [...update.matchAll(WATCHED_COLUMN)].filter(([, a, b]) => a === b).map(([, column]) => column);
    expect(watchedColumns.sort()).toEqual(
      claimColumns()
        .filter((column) => column !== 'id')
        .sort(),
    );
  });

  it.each(tables)('declares as feeding the report every column of %s that its update triggers watch', (table) => {
    const facts = reportFactColumns(table);
    const undeclared = [...watched.get(table)!].filter((column) => !facts.includes(column));
    expect({ table, watchedButNotDeclared: undeclared }).toEqual({ table, watchedButNotDeclared: [] });
  });
});
