import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentActor, currentCorrelationId } from '../common/request-context';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Writes audit rows through the caller's transaction, so the change and its trace commit together. */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const actor = currentActor();
    await em.query(
      `INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, before, after, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor?.id ?? null,
        actor?.username ?? null,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        currentCorrelationId() ?? null,
      ],
    );
  }
}
