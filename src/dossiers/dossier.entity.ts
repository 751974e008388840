import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ClassificationFacts, EvaluationResult, Regime } from '../classification/rules/classification.types';
import { DesignKind, PlanEntry } from './dossier-plan';

export interface DossierClassification {
  asOf: string;
  facts: ClassificationFacts;
  result: EvaluationResult;
}

/** A device of the system (TT12 Art. 8.3.d; ND331 Art. 22.3.d): name or type, where it is, what it is for. */
export interface EquipmentItem {
  name: string;
  location: string;
  purpose: string;
  /** One of the main network devices: core switch, core firewall, WAF, central storage, database firewall (TT12 Art. 3.2). */
  mainNetworkDevice?: boolean;
}

/** An application or service the system provides: its server, where that runs, the server's operating system, purpose. */
export interface ApplicationItem {
  name: string;
  server: string;
  location: string;
  operatingSystem: string;
  purpose: string;
}

/** A network zone with its private and public address plan. */
export interface NetworkZone {
  name: string;
  privateAddresses: string;
  publicAddresses?: string | null;
}

/**
 * The design document's reference (ND85 Art. 15.2; ND331 Art. 21.2): the approved construction design of a system in
 * operation carries its approval; a preliminary design may name the document it belongs to.
 */
export interface DesignDocumentRef {
  title?: string | null;
  approvalNumber?: string | null;
  approvalDate?: string | null;
  approvedBy?: string | null;
}

/**
 * The explanatory report's contents (TT12 Art. 8.3–8.5; ND331 Art. 22.3–22.5). Fields added after the first dossiers
 * are optional: a dossier written before them simply lacks them (and the completeness check says so).
 */
export interface DossierDescription {
  overview: string | null;
  scope: string | null;
  servedPopulation: string | null;
  architecture: string | null;
  components: { name: string; description?: string }[];
  logicalModel?: string | null;
  physicalModel?: string | null;
  equipment?: EquipmentItem[];
  applications?: ApplicationItem[];
  networkZones?: NetworkZone[];
  designDocument?: DesignDocumentRef | null;
  /** ND331 Art. 22.4.c: the main cybersecurity risks, identified in outline, with their expected impact. */
  preliminaryRisks?: string | null;
  /** Levels 4–5 (TT12 Art. 8.5; ND331 Art. 22.5): related and connected systems (a). */
  relatedSystems?: string | null;
  /** (b) cyber-attack threats and their impact. */
  threats?: string | null;
  /** (c) scope and degree of impact on public interest, social order, defence or national security. */
  publicImpact?: string | null;
  /** (d) why the system must run 24/7 with no unplanned downtime. */
  continuousOperation?: string | null;
}

export interface Appraisal {
  conclusion: 'SUITABLE' | 'NOT_SUITABLE';
  opinions: string;
  reasons: string[];
  revision: number;
  appraiserName: string;
  appraisedBy: string;
  appraisedAt: string;
}

export interface Decision {
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
  level: number;
  issuer: string;
  revision: number;
  approvedBy: string;
}

/** The owner's specialised unit's professional opinion on a level 4–5 dossier (ND331 Art. 20.1.d, 21.5). */
export interface ExpertOpinion {
  unit: string;
  summary: string;
  date?: string | null;
  number?: string | null;
  conclusion?: 'SUITABLE' | 'NOT_SUITABLE';
  reasons?: string[];
  givenBy?: string;
}

/** Mẫu 03 sent: the operating unit asked the owner's specialised unit for its opinion. */
export interface OpinionRequest {
  requestedOn: string;
  unitName: string;
}

/** Tờ trình (Mẫu 05): the operating unit asked the owner to approve (ND331 Art. 20.3.b–c). */
export interface ApprovalRequest {
  submittedOn: string;
  number: string | null;
}

/** Mẫu 07: the owner's decision approving a level-5 (or listed) system's security plan (Art. 18.3.d). */
export interface PlanDecision {
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
  issuer: string;
  revision: number;
  approvedBy: string;
}

/** The List of information systems important to national security: the owner's request (Art. 17), the Prime Minister's decision (Art. 18.3.đ). */
export interface NationalListing {
  requestNumber: string | null;
  requestDate: string | null;
  requestedBy: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
}

/** ND331 Art. 18.4 (TT12 Art. 6): who appraises when the specialised unit also operates or owns the system. */
export interface IndependentAppraiser {
  kind: 'UNIT' | 'COUNCIL';
  agencyId: string | null;
  name: string;
  decisionNumber: string;
  decisionDate: string;
  members: { name: string; title: string }[];
  recordedBy: string;
}

@Entity('dossiers')
export class Dossier {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'system_id', type: 'uuid' }) systemId!: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId!: string;
  @Column({ name: 'operator_agency_id', type: 'uuid' }) operatorAgencyId!: string;
  @Column({ name: 'province_code', type: 'varchar', length: 16 }) provinceCode!: string;
  @Column({ type: 'varchar', length: 24 }) status!: string;
  @Column({ type: 'varchar', length: 8 }) regime!: Regime;
  @Column({ name: 'rulebook_version', type: 'varchar', length: 40 }) rulebookVersion!: string;
  @Column({ name: 'catalogue_id', type: 'varchar', length: 40 }) catalogueId!: string;
  @Column({ name: 'transitional_project', type: 'boolean' }) transitionalProject!: boolean;
  @Column({ type: 'jsonb' }) classification!: DossierClassification;
  @Column({ name: 'computed_level', type: 'smallint', nullable: true }) computedLevel!: number | null;
  @Column({ name: 'level_undetermined', type: 'boolean' }) levelUndetermined!: boolean;
  @Column({ name: 'proposed_level', type: 'smallint' }) proposedLevel!: number;
  @Column({ name: 'level_justification', type: 'text' }) levelJustification!: string;
  /** The officer's note to the appraiser, e.g. why they disagree with the computed level (never a lower proposal). */
  @Column({ name: 'note_to_appraiser', type: 'text', default: '' }) noteToAppraiser!: string;
  @Column({ name: 'design_kind', type: 'varchar', length: 16 }) designKind!: DesignKind;
  @Column({ type: 'jsonb' }) description!: DossierDescription;
  @Column({ name: 'plan_sections', type: 'jsonb' }) planSections!: Record<string, string>;
  @Column({ name: 'plan_entries', type: 'jsonb' }) planEntries!: Record<string, PlanEntry>;
  @Column({ name: 'expert_opinion', type: 'jsonb', nullable: true }) expertOpinion!: ExpertOpinion | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'current_revision', type: 'int' }) currentRevision!: number;
  @Column({ name: 'routing_rule_id', type: 'uuid', nullable: true }) routingRuleId!: string | null;
  @Column({ name: 'appraiser_agency_id', type: 'uuid', nullable: true }) appraiserAgencyId!: string | null;
  @Column({ name: 'appraiser_name', type: 'varchar', length: 255, nullable: true }) appraiserName!: string | null;
  @Column({ name: 'approver_kind', type: 'varchar', length: 12, nullable: true }) approverKind!: 'AGENCY' | 'OWNER' | 'EXTERNAL' | null;
  @Column({ name: 'approver_agency_id', type: 'uuid', nullable: true }) approverAgencyId!: string | null;
  @Column({ name: 'approver_name', type: 'varchar', length: 255, nullable: true }) approverName!: string | null;
  @Column({ name: 'specialised_unit_agency_id', type: 'uuid', nullable: true }) specialisedUnitAgencyId!: string | null;
  @Column({ name: 'specialised_unit_name', type: 'varchar', length: 255, nullable: true }) specialisedUnitName!: string | null;
  @Column({ name: 'opinion_request', type: 'jsonb', nullable: true }) opinionRequest!: OpinionRequest | null;
  @Column({ name: 'approval_request', type: 'jsonb', nullable: true }) approvalRequest!: ApprovalRequest | null;
  @Column({ name: 'plan_decision', type: 'jsonb', nullable: true }) planDecision!: PlanDecision | null;
  @Column({ name: 'national_listing', type: 'jsonb', nullable: true }) nationalListing!: NationalListing | null;
  @Column({ name: 'independent_appraiser', type: 'jsonb', nullable: true }) independentAppraiser!: IndependentAppraiser | null;
  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true }) firstSubmittedAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'received_on', type: 'date', nullable: true }) receivedOn!: string | null;
  @Column({ name: 'clock_started_on', type: 'date', nullable: true }) clockStartedOn!: string | null;
  /** The last day of the validity reply counted from `receivedOn` (workflow/statutory-deadlines.ts). */
  @Column({ name: 'validity_due_on', type: 'date', nullable: true }) validityDueOn!: string | null;
  /** The last day of the appraisal counted from `receivedOn`, once the dossier is (or would be) found valid. */
  @Column({ name: 'appraisal_due_on', type: 'date', nullable: true }) appraisalDueOn!: string | null;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ name: 'due_kind', type: 'varchar', length: 24, nullable: true }) dueKind!: string | null;
  @Column({ name: 'return_items', type: 'jsonb', nullable: true }) returnItems!: string[] | null;
  /** The positions of the last return's requests the officer marked "đã bổ sung" (issue 21). */
  @Column({ name: 'return_items_done', type: 'jsonb', default: () => "'[]'::jsonb" }) returnItemsDone!: number[];
  @Column({ type: 'jsonb', nullable: true }) appraisal!: Appraisal | null;
  @Column({ type: 'jsonb', nullable: true }) decision!: Decision | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
