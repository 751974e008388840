import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OverrideKind } from './working-days';

/** An administrator's change to the built-in calendar (vietnam-calendar-data.ts), one row per day. */
@Entity('calendar_overrides')
export class CalendarOverride {
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: OverrideKind;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
