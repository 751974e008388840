import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A built-in calendar day (vietnam-calendar-data.ts) whose source an administrator checked against the official notice,
 * one row per day: clocks crossing it no longer carry the "unconfirmed day" warning.
 */
@Entity('calendar_confirmations')
export class CalendarConfirmation {
  @PrimaryColumn({ type: 'date' }) day!: string;
  /** The notice the administrator checked the day against. */
  @Column({ type: 'varchar', length: 255 }) source!: string;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy!: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz' }) confirmedAt!: Date;
}
