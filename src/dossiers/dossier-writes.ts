import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { decodeFileName, detectAllowedType, storedFileName } from './attachment-type';
import { versionConflict } from '../common/errors/domain-error';
import { Dossier } from './dossier.entity';

/**
 * The only writes to `dossiers` (one owner per table): drafting, the workflow and agency reorganisations change
 * dossier rows through these functions (and lock the rows they will change), in the caller's transaction.
 */

/** A system's dossiers in the given statuses (oldest first), locked for the caller's transaction to change them. */
export function lockDossiersOfSystem(
  em: EntityManager,
  systemId: string,
  statuses: readonly string[],
  exceptId?: string,
): Promise<Dossier[]> {
  const qb = em
    .getRepository(Dossier)
    .createQueryBuilder('d')
    .where('d.system_id = :systemId AND d.status IN (:...statuses)', { systemId, statuses });
  if (exceptId) qb.andWhere('d.id <> :exceptId', { exceptId });
  return qb.orderBy('d.created_at', 'ASC').setLock('pessimistic_write').getMany();
}

/** Writes a dossier at the version the caller read; another writer in between → 409 (optimistic locking). */
export async function saveDossier(em: EntityManager, next: Dossier, expectedVersion: number): Promise<void> {
  const { id, createdAt: _c, updatedAt: _u, ...values } = next;
  const { affected } = await em
    .createQueryBuilder()
    .update(Dossier)
    .set(values)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (affected !== 1) throw versionConflict();
}

/**
 * Dossiers still in progress of merged agencies follow their system to the successor, so its officers can carry on.
 * Finished ones keep their agency: reports attribute past submissions and approvals through the custody history.
 * Returns the ids of the dossiers moved.
 */
export async function moveOpenDossiersToSuccessor(em: EntityManager, sourceIds: string[], successorId: string): Promise<string[]> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
  const [moved]: [{ id: string }[], number] = await em.query(
    `UPDATE dossiers SET owner_agency_id = CASE WHEN owner_agency_id = ANY($1) THEN $2 ELSE owner_agency_id END,
            operator_agency_id = CASE WHEN operator_agency_id = ANY($1) THEN $2 ELSE operator_agency_id END,
            province_code = (SELECT province_code FROM agencies WHERE id = $2), version = version + 1, updated_at = now()
      WHERE (owner_agency_id = ANY($1) OR operator_agency_id = ANY($1)) AND status NOT IN ('APPROVED', 'WITHDRAWN', 'SUPERSEDED')
      RETURNING id`,
    [sourceIds, successorId],
  );
  return moved.map((row) => row.id);
}

/** The signed decision an action recorded, as sent (a PDF, checked by content): stored beside the dossier's files. */
export interface DecisionFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * Stores the signed decision of an approval (Mẫu 06), a plan approval (Mẫu 07) or the Prime Minister's List decision
 * as a dossier file of kind DECISION, in the action's transaction. Returns its id, or undefined when it is not a PDF.
 */
export async function storeDecisionFile(
  em: EntityManager,
  dossierId: string,
  file: DecisionFile,
  uploadedBy: string,
  label: string,
): Promise<string | undefined> {
  if ((await detectAllowedType(file.buffer)) !== 'application/pdf') return undefined;
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO dossier_attachments (dossier_id, kind, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
     VALUES ($1, 'DECISION', $2, 'application/pdf', $3, $4, $5, $6, now()) RETURNING id`,
    [
      dossierId,
      storedFileName(decodeFileName(file.originalname) || `${label}.pdf`, 'application/pdf'),
      file.size,
      createHash('sha256').update(file.buffer).digest('hex'),
      file.buffer,
      uploadedBy,
    ],
  );
  return row.id;
}
