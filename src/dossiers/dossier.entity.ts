import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ClassificationFacts, EvaluationResult, Regime } from '../classification/rules/classification.types';
import { DesignKind, PlanEntry } from './dossier-plan';

export interface DossierClassification {
  asOf: string;
  facts: ClassificationFacts;
  result: EvaluationResult;
}

export interface DossierDescription {
  overview: string | null;
  scope: string | null;
  servedPopulation: string | null;
  architecture: string | null;
  components: { name: string; description?: string }[];
}

export interface ExpertOpinion {
  unit: string;
  summary: string;
  date?: string | null;
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
  @Column({ name: 'design_kind', type: 'varchar', length: 16 }) designKind!: DesignKind;
  @Column({ type: 'jsonb' }) description!: DossierDescription;
  @Column({ name: 'plan_sections', type: 'jsonb' }) planSections!: Record<string, string>;
  @Column({ name: 'plan_entries', type: 'jsonb' }) planEntries!: Record<string, PlanEntry>;
  @Column({ name: 'expert_opinion', type: 'jsonb', nullable: true }) expertOpinion!: ExpertOpinion | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
