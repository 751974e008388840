import { Role } from '../users/role';

/**
 * Who receives a notification: the listed users, plus the users of an agency (optionally only some roles),
 * or, without an agency, every user holding one of the roles. Only active accounts ever receive anything.
 */
export interface NotificationRecipients {
  userIds?: string[];
  agencyId?: string;
  roles?: Role[];
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The WHERE condition on `users` (aliased `alias`) selecting the recipients, numbering its parameters from
 * `firstParam`; null when the selection names nobody, so that no query is run at all.
 * An empty `roles` list means "any role", like an absent one.
 */
export function recipientCondition(recipients: NotificationRecipients, alias: string, firstParam: number): SqlCondition | null {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${firstParam + params.push(value) - 1}`;
  const anyOf: string[] = [];

  const userIds = [...new Set(recipients.userIds ?? [])];
  if (userIds.length > 0) anyOf.push(`${alias}.id = ANY(${param(userIds)}::uuid[])`);

  const roles = [...new Set(recipients.roles ?? [])];
  const group: string[] = [];
  if (recipients.agencyId) group.push(`${alias}.agency_id = ${param(recipients.agencyId)}::uuid`);
  if (roles.length > 0) group.push(`${alias}.role = ANY(${param(roles)}::varchar[])`);
  if (group.length > 0) anyOf.push(`(${group.join(' AND ')})`);

  if (anyOf.length === 0) return null;
  return { sql: `${alias}.active AND (${anyOf.join(' OR ')})`, params };
}
