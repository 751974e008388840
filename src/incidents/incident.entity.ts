import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { IncidentSeverity } from './incident-clocks';

export const INCIDENT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A cybersecurity incident of one system and the reporting it owes (ND331 Art. 31.2.c–d). */
@Entity('incidents')
export class Incident {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'system_id', type: 'uuid' }) systemId!: string;
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt!: Date;
  @Column({ type: 'varchar', length: 16 }) severity!: IncidentSeverity;
  @Column({ name: 'national_security', type: 'boolean' }) nationalSecurity!: boolean;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) actions!: string;
  @Column({ type: 'varchar', length: 16 }) status!: IncidentStatus;
  @Column({ name: 'initial_notice_sent_at', type: 'timestamptz', nullable: true }) initialNoticeSentAt!: Date | null;
  @Column({ name: 'report_sent_at', type: 'timestamptz', nullable: true }) reportSentAt!: Date | null;
  @Column({ name: 'external_assessment_required', type: 'boolean' }) externalAssessmentRequired!: boolean;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'reported_by', type: 'uuid', nullable: true }) reportedBy!: string | null;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
