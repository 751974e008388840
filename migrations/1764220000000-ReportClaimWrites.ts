import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approval-rate report shows, per body, the systems with a prior-approval claim still waiting for confirmation
 * ("đã kê khai, chưa xác nhận": a CLAIMED claim, no level on record, not retired by the day, counted for the system's
 * owner `systems.owner_agency_id`). The report server keeps those claims with each province's timelines
 * (`ReportProgressCache`), so a change of them must leave a row in `report_fact_writes` (migration
 * ReportFactWrites1764110000000) for the provinces whose report it can move, as every other fact the report reads:
 *
 * - a claim added or removed, or its status, claim instant or system changed: the provinces of the system (its own,
 *   its custody owners' and their successors', `report_fact_provinces`) and of its current owner;
 * - a system handed to another owner (`systems.owner_agency_id`): the provinces of the old and the new owner.
 *
 * A system's approved level and retirement day are already noted (systems_report_fact_update); a body changing
 * province is noted for every province (agencies_report_fact).
 */
export class ReportClaimWrites1764220000000 implements MigrationInterface {
  name = 'ReportClaimWrites1764220000000';

  async up(q: QueryRunner): Promise<void> {
    // Claims of a statement, through its transition table: their systems, and those systems' current owners.
    await q.query(`
      CREATE FUNCTION note_report_fact_claims() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM note_report_fact_for(
          (SELECT array_agg(DISTINCT system_id) FROM changed_rows),
          (SELECT coalesce(array_agg(DISTINCT s.owner_agency_id), '{}') FROM systems s WHERE s.id IN (SELECT system_id FROM changed_rows)));
        RETURN NULL;
      END $$`);
    // One claim's update that touches what the report reads: its system (and owner) before and after.
    await q.query(`
      CREATE FUNCTION note_report_fact_claim_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM note_report_fact_for(
          ARRAY[OLD.system_id, NEW.system_id],
          (SELECT coalesce(array_agg(DISTINCT s.owner_agency_id), '{}') FROM systems s WHERE s.id IN (OLD.system_id, NEW.system_id)));
        RETURN NULL;
      END $$`);
    // A system handed to another owner: its claims now count for the new owner.
    await q.query(`
      CREATE FUNCTION note_report_fact_owner_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM note_report_fact_for(ARRAY[NEW.id], ARRAY[OLD.owner_agency_id, NEW.owner_agency_id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER prior_approval_claims_report_fact_insert AFTER INSERT ON prior_approval_claims
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_claims()`);
    await q.query(`
      CREATE TRIGGER prior_approval_claims_report_fact_delete AFTER DELETE ON prior_approval_claims
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_claims()`);
    await q.query(`
      CREATE TRIGGER prior_approval_claims_report_fact_truncate AFTER TRUNCATE ON prior_approval_claims
        FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_everywhere()`);
    await q.query(`
      CREATE TRIGGER prior_approval_claims_report_fact_update AFTER UPDATE ON prior_approval_claims FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.status IS DISTINCT FROM NEW.status
              OR OLD.claimed_at IS DISTINCT FROM NEW.claimed_at)
        EXECUTE FUNCTION note_report_fact_claim_update()`);
    await q.query(`
      CREATE TRIGGER systems_report_fact_owner_update AFTER UPDATE ON systems FOR EACH ROW
        WHEN (OLD.owner_agency_id IS DISTINCT FROM NEW.owner_agency_id)
        EXECUTE FUNCTION note_report_fact_owner_update()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER systems_report_fact_owner_update ON systems`);
    for (const event of ['insert', 'delete', 'truncate', 'update'])
      await q.query(`DROP TRIGGER prior_approval_claims_report_fact_${event} ON prior_approval_claims`);
    await q.query(`DROP FUNCTION note_report_fact_owner_update()`);
    await q.query(`DROP FUNCTION note_report_fact_claim_update()`);
    await q.query(`DROP FUNCTION note_report_fact_claims()`);
  }
}
