/** A statement or TypeORM call in a source file that changes rows of a table. */
export interface TableWrite {
  /** The table written, or `dynamic` when its name is interpolated (`COPY ${table}`) and cannot be checked. */
  table: string;
  line: number;
  statement: string;
}

/** A write outside the folder that owns its table. */
export interface OwnershipViolation extends TableWrite {
  file: string;
  owner: string | null;
}

const IDENT = String.raw`(?:public\.)?"?([a-z_][a-z0-9_]*)"?`;
const DYNAMIC = String.raw`\$\{[^}]*\}`;
const TARGET = String.raw`(${DYNAMIC}|${IDENT})`;

// Uppercase keywords only, as the house writes SQL: prose in comments ("update the system") stays out.
const SQL_WRITES: RegExp[] = [
  new RegExp(String.raw`\bINSERT\s+INTO\s+${TARGET}`, 'g'),
  new RegExp(String.raw`\bUPDATE\s+(?:ONLY\s+)?${TARGET}(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s+SET\b`, 'g'),
  new RegExp(String.raw`\bDELETE\s+FROM\s+(?:ONLY\s+)?${TARGET}`, 'g'),
  new RegExp(String.raw`\bMERGE\s+INTO\s+${TARGET}`, 'g'),
  new RegExp(String.raw`\bCOPY\s+${TARGET}[^\n]*?\bFROM\b`, 'g'),
];
const TRUNCATE = new RegExp(String.raw`\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?((?:${TARGET}\s*,\s*)*${TARGET})`, 'g');

const ORM_METHODS = 'save|insert|update|upsert|delete|remove|softDelete|restore|increment|decrement|clear';
// On an entity class: the manager's or a query builder's update/insert/delete…, insert().into, getRepository(…).save…
const ORM_ON_ENTITY = new RegExp(String.raw`\.(?:${ORM_METHODS}|into)\(\s*([A-Z][A-Za-z0-9]*)\s*[,)]`, 'g');
const ORM_ON_REPOSITORY = new RegExp(String.raw`getRepository\(\s*([A-Z][A-Za-z0-9]*)\s*\)\s*\.\s*(?:${ORM_METHODS})\(`, 'g');

/** The entity classes a file declares, by table: `@Entity('dossiers') export class Dossier`. */
export function declaredEntities(content: string): Record<string, string> {
  const entities: Record<string, string> = {};
  for (const m of content.matchAll(/@Entity\(\s*'([a-z_][a-z0-9_]*)'\s*\)\s*export\s+class\s+([A-Za-z0-9]+)/g)) entities[m[2]] = m[1];
  return entities;
}

/** Every write in a file's text: raw SQL on a known table (or a dynamic one), and TypeORM writes on an entity class. */
export function findTableWrites(
  content: string,
  knownTables: ReadonlySet<string>,
  entityTables: Readonly<Record<string, string>>,
): TableWrite[] {
  const writes: TableWrite[] = [];
  const lineOf = (index: number) => content.slice(0, index).split('\n').length;
  const statementAt = (index: number) =>
    content
      .slice(index, content.indexOf('\n', index) === -1 ? undefined : content.indexOf('\n', index))
      .trim()
      .slice(0, 120);
  const add = (target: string, index: number) => {
    const table = target.startsWith('${') ? 'dynamic' : target.replace(/^public\./, '').replace(/"/g, '');
    if (table === 'dynamic' || knownTables.has(table)) writes.push({ table, line: lineOf(index), statement: statementAt(index) });
  };
  for (const pattern of SQL_WRITES) for (const m of content.matchAll(pattern)) add(m[1], m.index);
  for (const m of content.matchAll(TRUNCATE)) {
    for (const target of m[1].split(',')) add(target.trim(), m.index);
  }
  for (const pattern of [ORM_ON_ENTITY, ORM_ON_REPOSITORY]) {
    for (const m of content.matchAll(pattern)) {
      const table = entityTables[m[1]];
      if (table) writes.push({ table, line: lineOf(m.index), statement: statementAt(m.index) });
    }
  }
  return writes.sort((a, b) => a.line - b.line);
}

/** What `ownershipViolations` checks against: the owner map, the dropped tables, the entity classes, the exceptions. */
export interface OwnershipRules {
  owners: Readonly<Record<string, string>>;
  dropped: readonly string[];
  /** Entity class → table, from `declaredEntities`. */
  entityTables: Readonly<Record<string, string>>;
  /** File → why it may write other features' tables. */
  exceptions: Readonly<Record<string, string>>;
}

/**
 * The writes of one file (path relative to the repository, `/`-separated) that its folder does not own. A file listed
 * in the exceptions is skipped whole; a dropped table, or a dynamic table name that nobody can check, is a violation
 * anywhere else.
 */
export function ownershipViolations(file: string, content: string, rules: OwnershipRules): OwnershipViolation[] {
  if (rules.exceptions[file] !== undefined) return [];
  const knownTables = new Set([...Object.keys(rules.owners), ...rules.dropped]);
  return findTableWrites(content, knownTables, rules.entityTables)
    .map((write) => ({ ...write, file, owner: rules.owners[write.table] ?? null }))
    .filter((write) => write.owner === null || !file.startsWith(`${write.owner}/`));
}
