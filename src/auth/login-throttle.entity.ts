import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sign-in counters per client address ('' username) and per (address, username); see login-throttle.ts. */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  address!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz' })
  lastAttemptAt!: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Column({ type: 'int' })
  refused!: number;
}
