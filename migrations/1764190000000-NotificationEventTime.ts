import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification says when the event it reports happened (issue 23): `occurred_at`, set by the notifier from the
 * workflow's clock, which the demo sets to each step's date. `created_at` stays the insert time. Rows written before
 * this column existed take their insert time, the best that is known of them. The inbox is sorted by it.
 */
export class NotificationEventTime1764190000000 implements MigrationInterface {
  name = 'NotificationEventTime1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN occurred_at timestamptz`);
    await q.query(`UPDATE notifications SET occurred_at = created_at`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN occurred_at SET DEFAULT now(), ALTER COLUMN occurred_at SET NOT NULL`);
    await q.query(`CREATE INDEX notifications_user_occurred_idx ON notifications (user_id, occurred_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_user_occurred_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN occurred_at`);
  }
}
