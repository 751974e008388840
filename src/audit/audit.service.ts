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

  /** The same rows as `record` for many entries, one statement per 1,000 (bulk imports). */
  async recordMany(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    const actor = currentActor();
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000).map((e) => ({
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
      }));
      await em.query(
        `INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, before, after, correlation_id)
         SELECT $1, $2, e.action, e.entity_type, e.entity_id, e.before, e.after, $3
           FROM jsonb_to_recordset($4::jsonb) AS e(action text, entity_type text, entity_id text, before jsonb, after jsonb)`,
        [actor?.id ?? null, actor?.username ?? null, currentCorrelationId() ?? null, JSON.stringify(chunk)],
      );
    }
  }
}
