import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling per client address and per (address, username) instead of per username (issue 16, point 3).
 * One row per counter; username '' is the address's own counter across all usernames. The failures of the old
 * per-username table are not carried over: they were the lock-out an attacker could aim at anyone.
 */
export class SignInThrottle1764131000000 implements MigrationInterface {
  name = 'SignInThrottle1764131000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        address varchar(64) NOT NULL,
        username varchar(64) NOT NULL DEFAULT '',
        failures int NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz,
        refused int NOT NULL DEFAULT 0 CHECK (refused >= 0),
        PRIMARY KEY (address, username)
      )`);
    await q.query(`CREATE INDEX login_throttle_last_attempt_idx ON login_throttle (last_attempt_at)`);
    await q.query(`DROP TABLE login_failures`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username varchar(64) NOT NULL,
        ip varchar(64),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_username_idx ON login_failures (username, failed_at)`);
    await q.query(`DROP TABLE login_throttle`);
  }
}
