import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, kept in PostgreSQL so throttling holds across several server instances. */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;
}
