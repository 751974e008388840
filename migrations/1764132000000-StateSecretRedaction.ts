import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Submitted revisions stay immutable, with one exception: when a system becomes state-secret (Law 116/2025 Art. 15.2.b:
 * take such information down), a revision's content may be replaced, once, by the marker {"redacted": "STATE_SECRET"}.
 * Its number, author, date and SHA-256 stay, so the hash still proves what was sent.
 */
export class StateSecretRedaction1764132000000 implements MigrationInterface {
  name = 'StateSecretRedaction1764132000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.id = OLD.id AND NEW.dossier_id = OLD.dossier_id AND NEW.number = OLD.number AND NEW.sha256 = OLD.sha256
           AND NEW.submitted_by IS NOT DISTINCT FROM OLD.submitted_by AND NEW.submitted_at = OLD.submitted_at
           AND NOT (OLD.content ? 'redacted')
           AND NEW.content = '{"redacted": "STATE_SECRET"}'::jsonb THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'dossier_revisions are immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION dossier_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_revisions are immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }
}
