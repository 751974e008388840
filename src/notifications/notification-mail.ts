import { NOTIFICATION_KIND_LABELS, NotificationKind } from './notification-kinds';

export interface NotificationMailInput {
  kind: NotificationKind;
  title: string;
  body: string;
  dossierId: string | null;
  recipientName: string;
  /** When the reported event happened (notifications.occurred_at). */
  occurredAt: Date;
}

export interface NotificationMail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = 'Thư này được gửi tự động từ capdo — sổ đăng ký cấp độ an toàn hệ thống thông tin. Vui lòng không trả lời thư này.';

/** Where a dossier is opened; the one place to change when the web client gets its own pages. */
export function dossierLink(publicUrl: string, dossierId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/ho-so/${dossierId}`;
}

/** The e-mail copy of an inbox notification: Vietnamese subject, plain text and HTML with the dossier link. */
export function composeNotificationMail(n: NotificationMailInput, publicUrl: string): NotificationMail {
  const kindLabel = NOTIFICATION_KIND_LABELS[n.kind];
  const link = n.dossierId ? dossierLink(publicUrl, n.dossierId) : null;
  const when = formatVietnamTime(n.occurredAt);
  const subject = `[capdo] ${oneLine(n.title)}`;

  const text = [
    `Kính gửi ${n.recipientName},`,
    '',
    n.title,
    '',
    n.body,
    '',
    `Loại thông báo: ${kindLabel}`,
    `Thời điểm: ${when}`,
    ...(link ? [`Xem hồ sơ: ${link}`] : []),
    '',
    '—',
    FOOTER,
  ].join('\n');

  const html = [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #1f2937;">',
    `<p>Kính gửi ${escapeHtml(n.recipientName)},</p>`,
    `<h2 style="font-size: 16px;">${escapeHtml(n.title)}</h2>`,
    `<p>${escapeHtml(n.body).replace(/\r?\n/g, '<br>')}</p>`,
    `<p style="color: #4b5563;">Loại thông báo: ${escapeHtml(kindLabel)}<br>Thời điểm: ${escapeHtml(when)}</p>`,
    ...(link ? [`<p><a href="${escapeHtml(link)}">Xem hồ sơ</a></p>`] : []),
    `<hr><p style="color: #6b7280; font-size: 12px;">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A header holds one line: a title carrying a line break must not split the subject. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** 'HH:mm dd/MM/yyyy' in Vietnam time (UTC+7, no daylight saving). */
function formatVietnamTime(at: Date): string {
  const v = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${v.slice(11, 16)} ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}
