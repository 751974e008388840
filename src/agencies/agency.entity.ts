import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyKind, AgencyStatus } from './agency-kind';

@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: AgencyKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The province the body belongs to: leaders and appraisers see their province. */
  @Column({ name: 'province_code', type: 'varchar', length: 16 })
  provinceCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AgencyStatus;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  /**
   * The body's details as the explanatory report gives them for the owner and the operating unit (TT12 Art. 8.3.a–b;
   * ND331 Art. 22.3.a–b): the document setting its functions, duties and powers; representative and title; contacts.
   */
  @Column({ name: 'functions_document', type: 'varchar', length: 500, nullable: true })
  functionsDocument!: string | null;

  @Column({ name: 'representative_name', type: 'varchar', length: 255, nullable: true })
  representativeName!: string | null;

  @Column({ name: 'representative_title', type: 'varchar', length: 255, nullable: true })
  representativeTitle!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  /** Name folded without diacritics, for search ("son la" finds "Sơn La"). */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
