import { EntityManager } from 'typeorm';

/** Closes the open custody period the day before `from` and opens a new one (same-day changes replace it). */
export async function moveCustody(em: EntityManager, systemId: string, ownerId: string, operatorId: string, from: string): Promise<void> {
  await em.query(`DELETE FROM system_custody WHERE system_id = $1 AND valid_to IS NULL AND valid_from >= $2`, [systemId, from]);
  await em.query(`UPDATE system_custody SET valid_to = ($2::date - 1) WHERE system_id = $1 AND valid_to IS NULL`, [systemId, from]);
  await em.query(`INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from) VALUES ($1, $2, $3, $4)`, [
    systemId,
    ownerId,
    operatorId,
    from,
  ]);
}
