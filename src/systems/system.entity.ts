import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { InfoType, SystemType } from '../classification/rules/classification.types';
import { DeploymentStatus, Hosting, InspectionKind, Lifecycle } from './system-enums';

export interface SystemComponent {
  name: string;
  description?: string;
}

export interface SystemInspection {
  kind: InspectionKind;
  date: string;
  performer: string;
  notes?: string;
}

@Entity('systems')
export class InformationSystem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 60 }) code!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId!: string;
  @Column({ name: 'operator_agency_id', type: 'uuid' }) operatorAgencyId!: string;
  @Column({ name: 'province_code', type: 'varchar', length: 16 }) provinceCode!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) scope!: string | null;
  @Column({ name: 'served_population', type: 'text', nullable: true }) servedPopulation!: string | null;
  @Column({ name: 'system_type', type: 'varchar', length: 24 }) systemType!: SystemType;
  @Column({ name: 'info_types', type: 'text', array: true }) infoTypes!: InfoType[];
  @Column({ name: 'state_secret', type: 'boolean', insert: false, update: false }) stateSecret!: boolean;
  @Column({ type: 'varchar', length: 16 }) lifecycle!: Lifecycle;
  @Column({ name: 'go_live_date', type: 'date', nullable: true }) goLiveDate!: string | null;
  /** ND331 Art. 39.1: when the investment, construction (or upgrade, extension) began. */
  @Column({ name: 'investment_start_date', type: 'date', nullable: true }) investmentStartDate!: string | null;
  /** ND331 Art. 39.1: the day a transitional system meets Decree 331's measures; written from the facts above. */
  @Column({ name: 'transitional_compliance_due_on', type: 'date', nullable: true }) transitionalComplianceDueOn!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) hosting!: Hosting | null;
  @Column({ name: 'internet_facing', type: 'boolean', nullable: true }) internetFacing!: boolean | null;
  @Column({ name: 'connects_gov_network', type: 'boolean', nullable: true }) connectsGovNetwork!: boolean | null;
  @Column({ name: 'architecture_description', type: 'text', nullable: true }) architectureDescription!: string | null;
  @Column({ name: 'user_count', type: 'int', nullable: true }) userCount!: number | null;
  @Column({ name: 'basic_pd_subjects', type: 'int', nullable: true }) basicPersonalDataSubjects!: number | null;
  @Column({ name: 'sensitive_pd_subjects', type: 'int', nullable: true }) sensitivePersonalDataSubjects!: number | null;
  @Column({ type: 'jsonb' }) components!: SystemComponent[];
  @Column({ name: 'approved_level', type: 'smallint', nullable: true }) approvedLevel!: number | null;
  @Column({ name: 'approval_decision_number', type: 'varchar', length: 60, nullable: true }) approvalDecisionNumber!: string | null;
  @Column({ name: 'approval_decision_date', type: 'date', nullable: true }) approvalDecisionDate!: string | null;
  @Column({ name: 'approval_decision_issuer', type: 'varchar', length: 255, nullable: true }) approvalDecisionIssuer!: string | null;
  @Column({ name: 'deployment_status', type: 'varchar', length: 16 }) deploymentStatus!: DeploymentStatus;
  @Column({ name: 'internal_regulation_number', type: 'varchar', length: 60, nullable: true }) internalRegulationNumber!: string | null;
  @Column({ name: 'internal_regulation_date', type: 'date', nullable: true }) internalRegulationDate!: string | null;
  @Column({ type: 'jsonb' }) inspections!: SystemInspection[];
  @Column({ name: 'retired_at', type: 'date', nullable: true }) retiredAt!: string | null;
  @Column({ name: 'retirement_reason', type: 'text', nullable: true }) retirementReason!: string | null;
  @Column({ name: 'search_text', type: 'text' }) searchText!: string;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
