import { AuditQuery } from '../audit/dto/audit-query.dto';

/** The audit log page's filters (query string) as the API's AuditQuery: trimmed, capped, 50 a page. */
export function auditQueryFromFilter(entityType: string | undefined, action: string | undefined, page: string | undefined): AuditQuery {
  const current = Math.max(1, Number(page) || 1);
  return {
    entityType: entityType?.trim().slice(0, 40) || undefined,
    action: action?.trim().slice(0, 40) || undefined,
    page: current,
    pageSize: 50,
  } as AuditQuery;
}
