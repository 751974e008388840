import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { SystemBecameStateSecretListener, SystemStateSecretHooks } from '../systems/system-state-secret-hooks';

/**
 * A system that becomes state-secret keeps no inspection report online (Law 116/2025 Art. 15, as for the dossiers and
 * the prior-approval PDFs): the files are emptied in the same transaction, the audit keeps their hashes.
 */
@Injectable()
export class InspectionStateSecretListener implements OnModuleInit, SystemBecameStateSecretListener {
  constructor(
    private readonly hooks: SystemStateSecretHooks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async systemBecameStateSecret(em: EntityManager, _user: AuthUser, systemId: string): Promise<void> {
    const dropped: { id: string; report_sha256: string }[] = await em.query(
      `SELECT id, report_sha256 FROM inspections WHERE system_id = $1 AND report_content IS NOT NULL FOR UPDATE`,
      [systemId],
    );
    if (!dropped.length) return;
    await em.query(
      `UPDATE inspections SET report_content = NULL, report_sha256 = NULL, report_file_name = NULL, report_media_type = NULL, report_size_bytes = NULL
        WHERE id = ANY($1)`,
      [dropped.map((d) => d.id)],
    );
    await this.audit.record(em, {
      action: 'INSPECTION_REPORTS_DROPPED',
      entityType: 'system',
      entityId: systemId,
      after: { reason: 'STATE_SECRET', files: dropped.map((d) => ({ inspectionId: d.id, sha256: d.report_sha256 })) },
    });
  }
}
