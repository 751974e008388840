/**
 * How the product names a person who did something (dossier history, audit log, notices): the full name and the
 * title, "Nguyễn Văn A, Chuyên viên" — never the username, which means nothing to a reader of the record. Without a
 * recorded title the name alone; without a name (an account since deleted) the fallback given, else "—".
 */
export function personLabel(fullName: string | null | undefined, title: string | null | undefined, fallback?: string | null): string {
  const name = fullName?.trim();
  if (!name) return fallback?.trim() || '—';
  const role = title?.trim();
  return role ? `${name}, ${role}` : name;
}
