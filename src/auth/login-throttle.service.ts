import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Admission, admitAttempt, ThrottleCounter, ThrottleRule } from './login-throttle';

/** The address's own counter, across all usernames. */
const ANY_USERNAME = '';

interface CounterRow {
  username: string;
  failures: number;
  last_attempt_at: Date;
  blocked_until: Date | null;
  refused: number;
  now: Date;
}

export interface ThrottleDecision {
  admission: Admission;
  /** The database's time of the decision. */
  at: Date;
}

/**
 * The only writer of `login_throttle`. Counters live in PostgreSQL and are read and written under row locks, so
 * the limit holds for parallel attempts and across every instance behind the load balancer.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private get pairRule(): ThrottleRule {
    return this.rule(this.config.LOGIN_FREE_ATTEMPTS);
  }

  private get addressRule(): ThrottleRule {
    return this.rule(this.config.LOGIN_ADDRESS_FREE_ATTEMPTS);
  }

  private rule(freeAttempts: number): ThrottleRule {
    const { LOGIN_BASE_DELAY_SECONDS, LOGIN_MAX_DELAY_SECONDS, LOGIN_FORGET_MINUTES } = this.config;
    return {
      freeAttempts,
      baseDelaySeconds: LOGIN_BASE_DELAY_SECONDS,
      maxDelaySeconds: LOGIN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: LOGIN_FORGET_MINUTES * 60,
    };
  }

  /**
   * Charges one attempt to the address's counter and to the (address, username) counter, or refuses it while either
   * is blocked. `onRefusedFirst` runs in the same transaction when this is the first refusal of a block (audit).
   */
  async admit(address: string, username: string, onRefusedFirst: (em: EntityManager) => Promise<void>): Promise<ThrottleDecision> {
    return this.dataSource.transaction(async (em) => {
      // Both rows exist before they are locked; '' sorts first, so every attempt locks in the same order (no deadlock).
      await em.query(`INSERT INTO login_throttle (address, username) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING`, [
        address,
        ANY_USERNAME,
        username,
      ]);
      const rows: CounterRow[] = await em.query(
        `SELECT username, failures, last_attempt_at, blocked_until, refused, now() AS now
           FROM login_throttle WHERE address = $1 AND username IN ($2, $3) ORDER BY username FOR UPDATE`,
        [address, ANY_USERNAME, username],
      );
      const at = rows[0].now;
      const admission = admitAttempt(
        rows.map((row) => ({ counter: toCounter(row), rule: row.username === ANY_USERNAME ? this.addressRule : this.pairRule })),
        at,
      );
      for (const [i, counter] of admission.counters.entries()) {
        await em.query(
          `UPDATE login_throttle SET failures = $3, last_attempt_at = $4, blocked_until = $5, refused = $6 WHERE address = $1 AND username = $2`,
          [
            address,
            rows[i].username,
            counter.failures,
            counter.lastAttemptAt ?? rows[i].last_attempt_at,
            counter.blockedUntil,
            counter.refused,
          ],
        );
      }
      if (!admission.admitted && admission.firstRefusal) await onRefusedFirst(em);
      return { admission, at };
    });
  }

  /** A successful sign-in: the pair's counter is cleared and the attempt is given back to the address. */
  async succeeded(em: EntityManager, address: string, username: string): Promise<void> {
    await em.query(`DELETE FROM login_throttle WHERE address = $1 AND username = $2`, [address, username]);
    // Back under the free attempts, a block that this very attempt started is lifted too (delayAfter is 0 there).
    await em.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0), blocked_until = CASE WHEN failures - 1 < $3 THEN NULL ELSE blocked_until END
        WHERE address = $1 AND username = $2`,
      [address, ANY_USERNAME, this.addressRule.freeAttempts],
    );
  }

  /**
   * Deletes counters idle for LOGIN_FORGET_MINUTES and no longer blocked (at most 500 at a time, skipping rows that
   * an attempt holds), so the table stays as small as the recent attempts. Called after every failed sign-in.
   */
  async prune(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM login_throttle WHERE (address, username) IN (
         SELECT address, username FROM login_throttle
          WHERE last_attempt_at < now() - make_interval(mins => $1) AND (blocked_until IS NULL OR blocked_until < now())
          LIMIT 500 FOR UPDATE SKIP LOCKED)`,
      [this.config.LOGIN_FORGET_MINUTES],
    );
    return affected;
  }
}

function toCounter(row: CounterRow): ThrottleCounter {
  // A row made by a refused attempt has no failure yet: it does not count as a recent attempt.
  return {
    failures: row.failures,
    lastAttemptAt: row.failures > 0 ? row.last_attempt_at : null,
    blockedUntil: row.blocked_until,
    refused: row.refused,
  };
}
