import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ApproverKind = 'AGENCY' | 'OWNER' | 'EXTERNAL';

/** Which body appraises and which approves a dossier, by owner agency (and subtree), level range and regime. */
@Entity('routing_rules')
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId!: string;
  @Column({ name: 'include_subtree', type: 'boolean' }) includeSubtree!: boolean;
  @Column({ name: 'min_level', type: 'smallint' }) minLevel!: number;
  @Column({ name: 'max_level', type: 'smallint' }) maxLevel!: number;
  @Column({ type: 'varchar', length: 8, nullable: true }) regime!: 'ND85' | 'ND331' | null;
  @Column({ name: 'appraiser_agency_id', type: 'uuid', nullable: true }) appraiserAgencyId!: string | null;
  @Column({ name: 'appraiser_external_name', type: 'varchar', length: 255, nullable: true }) appraiserExternalName!: string | null;
  @Column({ name: 'approver_kind', type: 'varchar', length: 12 }) approverKind!: ApproverKind;
  @Column({ name: 'approver_agency_id', type: 'uuid', nullable: true }) approverAgencyId!: string | null;
  @Column({ name: 'approver_external_name', type: 'varchar', length: 255, nullable: true }) approverExternalName!: string | null;
  /** Levels 4–5: the owner's specialised unit that gives the professional opinion (Mẫu 03). */
  @Column({ name: 'specialised_unit_agency_id', type: 'uuid', nullable: true }) specialisedUnitAgencyId!: string | null;
  /** From level 3, when another body approves for the owner: the owner's document designating it. */
  @Column({ name: 'approver_designation', type: 'varchar', length: 255, nullable: true }) approverDesignation!: string | null;
  @Column({ type: 'int' }) priority!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
