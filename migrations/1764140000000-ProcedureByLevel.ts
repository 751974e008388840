import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure by level (Decree 331/2026 Arts. 16–18, 20): the owner's leadership as a role, the professional opinion
 * of levels 4–5, the Tờ trình to the owner, the security plan's approval and the Prime Minister's List for level 5,
 * the independent appraiser of Art. 18.4, the signed decision files, and what a routing rule names for them.
 */
export class ProcedureByLevel1764140000000 implements MigrationInterface {
  name = 'ProcedureByLevel1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('ADMIN','LEADER','APPRAISER','AGENCY_OFFICER','AGENCY_HEAD'))`,
    );
    await q.query(`
      ALTER TABLE dossiers
        ADD COLUMN specialised_unit_agency_id uuid REFERENCES agencies (id),
        ADD COLUMN specialised_unit_name varchar(255),
        ADD COLUMN opinion_request jsonb,
        ADD COLUMN approval_request jsonb,
        ADD COLUMN plan_decision jsonb,
        ADD COLUMN national_listing jsonb,
        ADD COLUMN independent_appraiser jsonb,
        DROP CONSTRAINT dossiers_status_check,
        ADD CONSTRAINT dossiers_status_check CHECK (status IN ('DRAFT','AWAITING_OPINION','OPINION_GIVEN','SUBMITTED','RETURNED','UNDER_APPRAISAL','APPRAISED','AWAITING_APPROVAL','AWAITING_LISTING','APPROVED','WITHDRAWN','SUPERSEDED'))`);
    await q.query(
      `CREATE INDEX dossiers_specialised_unit_idx ON dossiers (specialised_unit_agency_id, status) WHERE specialised_unit_agency_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE dossier_attachments DROP CONSTRAINT dossier_attachments_kind_check`);
    await q.query(
      `ALTER TABLE dossier_attachments ADD CONSTRAINT dossier_attachments_kind_check CHECK (kind IN ('DESIGN_DOCUMENT','EXPERT_OPINION','RISK_ASSESSMENT','INTERNAL_REGULATION','OTHER','DECISION'))`,
    );
    await q.query(`
      ALTER TABLE routing_rules
        ADD COLUMN specialised_unit_agency_id uuid REFERENCES agencies (id),
        ADD COLUMN approver_designation varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing_rules DROP COLUMN approver_designation, DROP COLUMN specialised_unit_agency_id`);
    await q.query(`DELETE FROM dossier_attachments WHERE kind = 'DECISION'`);
    await q.query(`ALTER TABLE dossier_attachments DROP CONSTRAINT dossier_attachments_kind_check`);
    await q.query(
      `ALTER TABLE dossier_attachments ADD CONSTRAINT dossier_attachments_kind_check CHECK (kind IN ('DESIGN_DOCUMENT','EXPERT_OPINION','RISK_ASSESSMENT','INTERNAL_REGULATION','OTHER'))`,
    );
    await q.query(`DROP INDEX dossiers_specialised_unit_idx`);
    await q.query(`
      ALTER TABLE dossiers
        DROP CONSTRAINT dossiers_status_check,
        ADD CONSTRAINT dossiers_status_check CHECK (status IN ('DRAFT','SUBMITTED','RETURNED','UNDER_APPRAISAL','APPRAISED','APPROVED','WITHDRAWN','SUPERSEDED')),
        DROP COLUMN independent_appraiser,
        DROP COLUMN national_listing,
        DROP COLUMN plan_decision,
        DROP COLUMN approval_request,
        DROP COLUMN opinion_request,
        DROP COLUMN specialised_unit_name,
        DROP COLUMN specialised_unit_agency_id`);
    await q.query(`DELETE FROM users WHERE role = 'AGENCY_HEAD'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('ADMIN','LEADER','APPRAISER','AGENCY_OFFICER'))`);
  }
}
