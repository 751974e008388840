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
