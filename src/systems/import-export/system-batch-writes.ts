/**
 * Multi-row writes for the import: one statement per thousand systems instead of several round trips per system
 * (SystemsCommandService.insert/save check for duplicates and write custody one system at a time, AuditService.record
 * writes one row per call; on 10,000 rows each costs seconds). The rows travel as one JSON parameter.
 */
import { EntityManager } from 'typeorm';
import { versionConflict } from '../../common/errors/domain-error';
import { InformationSystem } from '../system.entity';
import type { SystemsCommandService } from '../systems-command.service';

export type SystemValues = Parameters<SystemsCommandService['checked']>[2];

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  province_code: string;
}

const CHUNK = 1000;

export interface WrittenSystem {
  id: string;
  ownerAgencyId: string;
  code: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a write sets: everything but the id, generated columns and timestamps. */
function writable(em: EntityManager): { property: keyof SystemValues; column: string }[] {
  return em.connection
    .getMetadata(InformationSystem)
    .columns.filter((c) => c.isInsert && !c.isGenerated && !c.isCreateDate && !c.isUpdateDate)
    .map((c) => ({ property: c.propertyName as keyof SystemValues, column: c.databaseName }));
}

function asRecords(columns: ReturnType<typeof writable>, rows: { id?: string; values: SystemValues }[]): string {
  return JSON.stringify(
    rows.map(({ id, values }) =>
      Object.fromEntries([...(id ? [['id', id]] : []), ...columns.map(({ property, column }) => [column, values[property]])]),
    ),
  );
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

/** Inserts new systems with their custody (from the beginning of time, as SystemsCommandService.insert does). */
export async function insertSystems(em: EntityManager, systems: readonly SystemValues[]): Promise<WrittenSystem[]> {
  const columns = writable(em);
  const names = columns.map((c) => c.column).join(', ');
  const written: WrittenSystem[] = [];
  for (const chunk of chunks(systems)) {
    const rows: { id: string; owner_agency_id: string; code: string; created_at: Date; updated_at: Date }[] = await em.query(
      `WITH ins AS (
         INSERT INTO systems (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::systems, $1::jsonb)
         RETURNING id, owner_agency_id, operator_agency_id, code, created_at, updated_at),
       custody AS (
         INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from)
         SELECT id, owner_agency_id, operator_agency_id, '-infinity' FROM ins)
       SELECT id, owner_agency_id, code, created_at, updated_at FROM ins`,
      [
        asRecords(
          columns,
          chunk.map((values) => ({ values })),
        ),
      ],
    );
    written.push(
      ...rows.map((r) => ({ id: r.id, ownerAgencyId: r.owner_agency_id, code: r.code, createdAt: r.created_at, updatedAt: r.updated_at })),
    );
  }
  return written;
}

/**
 * Replaces the values of existing systems, each only if it still has the version that was read (values.version
 * is that version + 1); any system changed meanwhile makes the whole import a 409.
 */
export async function updateSystems(
  em: EntityManager,
  systems: readonly { id: string; values: SystemValues }[],
): Promise<Map<string, Date>> {
  const columns = writable(em);
  const assignments = columns.map((c) => `${c.column} = r.${c.column}`).join(', ');
  const updatedAt = new Map<string, Date>();
  for (const chunk of chunks(systems)) {
    const rows: { id: string; updated_at: Date }[] = await em.query(
      `WITH upd AS (
         UPDATE systems s SET ${assignments}, updated_at = now()
         FROM jsonb_populate_recordset(NULL::systems, $1::jsonb) r
         WHERE s.id = r.id AND s.version = r.version - 1
         RETURNING s.id, s.updated_at)
       SELECT id, updated_at FROM upd`,
      [asRecords(columns, chunk)],
    );
    if (rows.length !== chunk.length) throw versionConflict();
    for (const row of rows) updatedAt.set(row.id, row.updated_at);
  }
  return updatedAt;
}
