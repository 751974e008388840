import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DROPPED_TABLES, TABLE_OWNERS, WRITE_EXCEPTIONS } from './table-owners';
import { declaredEntities, findTableWrites, OwnershipRules, ownershipViolations } from './table-writes';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    // Unit specs hold fixtures (this one plants violations); they never reach a database.
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('seeds')];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const entityTables = Object.assign({}, ...files.map((file) => declaredEntities(read(file)))) as Record<string, string>;
const rules: OwnershipRules = { owners: TABLE_OWNERS, dropped: DROPPED_TABLES, entityTables, exceptions: WRITE_EXCEPTIONS };

describe('one owner per table (STYLE.md): only the owning feature folder writes a table', () => {
  it('gives every table a migration creates an owner, unless a later migration dropped it', () => {
    const created = readdirSync(join(ROOT, 'migrations')).flatMap((name) =>
      [...read(`migrations/${name}`).matchAll(/CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/g)].map(
        (m) => m[1],
      ),
    );
    const unowned = [...new Set(created)].filter((table) => !TABLE_OWNERS[table] && !DROPPED_TABLES.includes(table));
    expect(unowned).toEqual([]);
  });

  it('names owners that are feature folders of src/', () => {
    const missing = [...new Set(Object.values(TABLE_OWNERS))].filter(
      (folder) => !statSync(join(ROOT, folder), { throwIfNoEntry: false })?.isDirectory(),
    );
    expect(missing).toEqual([]);
  });

  it('finds the entity classes of the owned tables', () => {
    expect(entityTables).toMatchObject({ Dossier: 'dossiers', InformationSystem: 'systems', User: 'users', Agency: 'agencies' });
  });

  it('finds no INSERT, UPDATE, DELETE, TRUNCATE or TypeORM write outside the owner under src/ and seeds/', () => {
    const violations = files.flatMap((file) => ownershipViolations(file, read(file), rules));
    expect(violations.map((v) => `${v.file}:${v.line} writes ${v.table} (owner ${v.owner ?? 'none'}): ${v.statement}`)).toEqual([]);
  });

  it('keeps no stale exception: each excepted file exists and still writes', () => {
    const known = new Set([...Object.keys(TABLE_OWNERS), ...DROPPED_TABLES]);
    const stale = Object.keys(WRITE_EXCEPTIONS).filter(
      (file) => !files.includes(file) || findTableWrites(read(file), known, entityTables).length === 0,
    );
    expect(stale).toEqual([]);
  });

  describe('detects a planted violation', () => {
    const planted = (file: string, content: string) => ownershipViolations(file, content, rules).map((v) => `${v.table}@${v.line}`);

    it('raw SQL on another feature’s table, on one line or several', () => {
      const content = [
        'await em.query(`UPDATE systems SET approved_level = $2 WHERE id = $1`, [id, level]);',
        'await em.query(`UPDATE users',
        '                   SET agency_id = $1 WHERE agency_id = ANY($2)`, [to, from]);',
        'await em.query(`INSERT INTO dossier_events (dossier_id) VALUES ($1)`, [id]);',
        'await em.query(`DELETE FROM ONLY public.dossiers WHERE id = $1`, [id]);',
        'await em.query(`TRUNCATE TABLE campaigns, "notifications"`);',
        'await em.query(`UPDATE prior_approval_claims c SET status = $2 WHERE c.id = $1`, [id, s]);',
      ].join('\n');
      expect(planted('src/agencies/planted.ts', content)).toEqual([
        'systems@1',
        'users@2',
        'dossier_events@4',
        'dossiers@5',
        'campaigns@6',
        'notifications@6',
        'prior_approval_claims@7',
      ]);
    });

    it('TypeORM writes on another feature’s entity', () => {
      const content = [
        'await em.createQueryBuilder().update(Dossier).set(values).execute();',
        'await em.getRepository(InformationSystem).insert(values);',
        'await em.delete(User, { id });',
        'await em.createQueryBuilder().insert().into(Agency).values(v).execute();',
      ].join('\n');
      expect(planted('src/workflow/planted.ts', content)).toEqual(['dossiers@1', 'systems@2', 'users@3', 'agencies@4']);
    });

    it('a table name nobody can check, and a dropped table', () => {
      expect(
        planted(
          'src/reports/planted.ts',
          'client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));\nawait q.query(`INSERT INTO login_failures (username) VALUES ($1)`);',
        ),
      ).toEqual(['dynamic@1', 'login_failures@2']);
    });

    it('but not the owner’s own writes, reads, locks, upserts or prose', () => {
      const content = [
        '// Approval updates the system; UPDATE, DELETE and TRUNCATE raise on audit rows.',
        'await em.query(`UPDATE systems SET code = $2 WHERE id = $1`, [id, code]);',
        'await em.query(`SELECT * FROM systems s JOIN users u ON u.id = s.created_by FOR UPDATE OF s`);',
        'await em.query(`INSERT INTO system_custody (system_id) VALUES ($1) ON CONFLICT (system_id) DO UPDATE SET valid_to = NULL`, [id]);',
        'await this.commands.update(user, id, dto);',
      ].join('\n');
      expect(planted('src/systems/planted.ts', content)).toEqual([]);
    });

    it('and not a file listed as an exception', () => {
      expect(planted('seeds/national/copy-rows.ts', 'client.query(copyFrom(`COPY ${table} FROM STDIN`));')).toEqual([]);
      expect(planted('seeds/national/other.ts', 'client.query(copyFrom(`COPY ${table} FROM STDIN`));')).toEqual(['dynamic@1']);
    });
  });
});
