import { DomainError } from '../common/errors/domain-error';
import { ACCOUNT_SHEET_FIELDS, ACCOUNT_SHEET_TITLES } from '../users/account-sheet';
import type { AccountImportReportDto } from '../users/dto/account-import.dto';
import { ROLE_LABELS } from '../users/role';

export type ImportReport = AccountImportReportDto;

/** One row of the preview or the result, as the page shows it. */
export interface AccountImportRowView {
  row: number;
  username: string;
  fullName: string;
  title: string;
  email: string;
  agencyCode: string;
  roleLabel: string;
  ok: boolean;
  /** "Vai trò: không nhận ra …", in the sheet's column order. */
  messages: string[];
  /** Only after the import: the new account's page and its temporary password, shown this once. */
  id?: string;
  temporaryPassword?: string;
}

/** The report a refused import carries (rows with errors, nothing created); undefined when the file itself was refused. */
export function refusedReport(error: unknown): ImportReport | undefined {
  if (!(error instanceof DomainError)) return undefined;
  return (error.extra as { report?: ImportReport } | undefined)?.report;
}

/** The report's rows for the page: each field's errors titled with its column, the role by its Vietnamese name. */
export function accountImportRows(report: ImportReport): AccountImportRowView[] {
  const created = new Map(report.created.map((c) => [c.row, c]));
  return report.rows.map((r) => {
    const done = created.get(r.row);
    const fields = [
      ...ACCOUNT_SHEET_FIELDS,
      ...Object.keys(r.errors).filter((k) => !(ACCOUNT_SHEET_FIELDS as readonly string[]).includes(k)),
    ];
    const messages = fields.flatMap((field) => {
      const list = r.errors[field] ?? [];
      const title = (ACCOUNT_SHEET_TITLES as Record<string, string>)[field];
      return list.length ? [title ? `${title}: ${list.join('; ')}` : list.join('; ')] : [];
    });
    return {
      row: r.row,
      username: r.username,
      fullName: r.fullName,
      title: r.title ?? '',
      email: r.email ?? '',
      agencyCode: r.agencyCode ?? '',
      roleLabel: r.role ? ROLE_LABELS[r.role] : '',
      ok: r.ok,
      messages,
      ...(done ? { id: done.id, temporaryPassword: done.temporaryPassword } : {}),
    };
  });
}
