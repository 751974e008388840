import { MigrationInterface, QueryRunner } from 'typeorm';

/** Systems whose level came through capdo's own procedure: a dossier of theirs was approved (and maybe superseded since). */
const WORKFLOW_APPROVED = `EXISTS (SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND d.approved_at IS NOT NULL)`;

/**
 * Issue 16, point 1: an approved level comes only from the procedure. Until now an officer could type a level, a
 * decision number, date and issuer onto their own system (API, import, web form), and the reports counted it.
 *
 * From now on the system's `approved_level` and `approval_decision_*` columns are "the level on record", written only
 * by the workflow's approval (dossier-workflow.service.ts) and by the confirmation of a prior-approval claim
 * (src/systems/prior-approvals/). A decision made before capdo existed is declared as a claim with the decision's PDF,
 * and counts only once an appraiser of the province (or an administrator) confirms it.
 *
 * Existing data: every system whose recorded level has no approved dossier behind it (nobody can tell whether a
 * competent body decided it or an officer typed it) becomes a claim with status CLAIMED, origin MIGRATED, no evidence,
 * and its system columns are cleared, so that unverified levels stop counting in the approval-rate report, its
 * `withApprovedLevel`/`byLevel` figures, the annual report and Mẫu 08 until someone confirms them. Systems approved
 * through the workflow keep their level. The update of `systems` fires the triggers of report_period_facts
 * (ReportPeriodFacts1764120000000: `systems_period_facts_update` on approved_level / approval_decision_date) and of
 * report_fact_writes, so the report facts and the report cache follow in the same statement.
 *
 * `down` puts the migrated claims that are still pending back onto their systems and drops the table.
 */
export class PriorApprovalClaims1764130000000 implements MigrationInterface {
  name = 'PriorApprovalClaims1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prior_approval_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems(id),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        decision_number varchar(60) NOT NULL,
        decision_date date NOT NULL,
        issuer varchar(255) NOT NULL,
        evidence_file_name varchar(255),
        evidence_media_type varchar(100),
        evidence_size_bytes int,
        evidence_sha256 char(64),
        evidence_content bytea,
        status varchar(16) NOT NULL CHECK (status IN ('CLAIMED', 'CONFIRMED', 'REJECTED', 'SUPERSEDED')),
        origin varchar(16) NOT NULL CHECK (origin IN ('DECLARED', 'IMPORTED', 'MIGRATED')),
        confirmed_on_import boolean NOT NULL DEFAULT false,
        claimed_by uuid REFERENCES users(id),
        claimed_by_username varchar(100),
        claimed_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES users(id),
        reviewed_by_username varchar(100),
        reviewed_at timestamptz,
        rejection_reason text,
        version int NOT NULL DEFAULT 1,
        -- The PDF's bytes may be gone while its hash stays: a system that becomes state-secret keeps nothing online.
        CHECK (evidence_content IS NULL OR evidence_sha256 IS NOT NULL),
        CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
      )`);
    // One pending claim per system: declaring again supersedes the pending one.
    await q.query(`CREATE UNIQUE INDEX prior_approval_claims_pending_idx ON prior_approval_claims (system_id) WHERE status = 'CLAIMED'`);
    await q.query(`CREATE INDEX prior_approval_claims_system_idx ON prior_approval_claims (system_id, claimed_at DESC)`);
    await q.query(`CREATE INDEX prior_approval_claims_status_idx ON prior_approval_claims (status, claimed_at)`);

    await q.query(`
      INSERT INTO prior_approval_claims (system_id, level, decision_number, decision_date, issuer, status, origin)
      SELECT s.id, s.approved_level, coalesce(nullif(s.approval_decision_number, ''), 'Không rõ số'),
             coalesce(s.approval_decision_date, current_date), coalesce(nullif(s.approval_decision_issuer, ''), 'Không rõ cơ quan ban hành'),
             'CLAIMED', 'MIGRATED'
        FROM systems s
       WHERE s.approved_level IS NOT NULL AND NOT ${WORKFLOW_APPROVED}`);
    await q.query(`
      UPDATE systems s SET approved_level = NULL, approval_decision_number = NULL, approval_decision_date = NULL, approval_decision_issuer = NULL,
             version = version + 1, updated_at = now()
       WHERE s.approved_level IS NOT NULL AND NOT ${WORKFLOW_APPROVED}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE systems s SET approved_level = c.level, approval_decision_number = c.decision_number, approval_decision_date = c.decision_date,
             approval_decision_issuer = c.issuer, version = s.version + 1, updated_at = now()
        FROM prior_approval_claims c
       WHERE c.system_id = s.id AND c.origin = 'MIGRATED' AND c.status = 'CLAIMED' AND s.approved_level IS NULL`);
    await q.query(`DROP TABLE prior_approval_claims`);
  }
}
