import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AttachmentKind } from './dossier-plan';

@Entity('dossier_attachments')
export class DossierAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'varchar', length: 24 }) kind!: AttachmentKind;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName!: string;
  @Column({ name: 'media_type', type: 'varchar', length: 120 }) mediaType!: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  /** Not selected by default: only downloads read the bytes. */
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
}
