import { composeNotificationMail, dossierLink } from './notification-mail';

const DOSSIER = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const base = {
  kind: 'DOSSIER_ROUTED' as const,
  title: 'Hồ sơ mới cần thẩm định: Cổng dịch vụ công tỉnh Sơn La',
  body: 'Hồ sơ đề xuất cấp độ 3 đã được gửi đến Công an tỉnh Sơn La.\nHạn kiểm tra tính hợp lệ: 05/12/2025.',
  dossierId: DOSSIER,
  recipientName: 'Nguyễn Thị Thẩm Định',
  occurredAt: new Date('2025-12-01T02:30:00Z'),
};

describe('composeNotificationMail', () => {
  it('puts the Vietnamese title in the subject, on one line', () => {
    expect(composeNotificationMail(base, 'https://capdo.sonla.gov.vn').subject).toBe(
      '[capdo] Hồ sơ mới cần thẩm định: Cổng dịch vụ công tỉnh Sơn La',
    );
    expect(composeNotificationMail({ ...base, title: 'Hồ sơ\r\nBcc: x@example.com' }, 'https://capdo.sonla.gov.vn').subject).toBe(
      '[capdo] Hồ sơ Bcc: x@example.com',
    );
  });

  it('writes the greeting, body, kind, Vietnam time and dossier link in the text', () => {
    const { text } = composeNotificationMail(base, 'https://capdo.sonla.gov.vn/');
    expect(text).toContain('Kính gửi Nguyễn Thị Thẩm Định,');
    expect(text).toContain('Hạn kiểm tra tính hợp lệ: 05/12/2025.');
    expect(text).toContain('Loại thông báo: Hồ sơ gửi đến đơn vị thẩm định');
    expect(text).toContain('Thời điểm: 09:30 01/12/2025');
    expect(text).toContain(`Xem hồ sơ: https://capdo.sonla.gov.vn/ho-so/${DOSSIER}`);
  });

  it("links the dossier in the HTML and keeps the body's line breaks", () => {
    const { html } = composeNotificationMail(base, 'http://127.0.0.1:3000');
    expect(html).toContain(`<a href="http://127.0.0.1:3000/ho-so/${DOSSIER}">Xem hồ sơ</a>`);
    expect(html).toContain('Công an tỉnh Sơn La.<br>Hạn kiểm tra');
    expect(html).toContain('<html lang="vi">');
  });

  it('escapes markup coming from system names and comments', () => {
    const { html } = composeNotificationMail(
      { ...base, title: 'Hệ thống <script>alert(1)</script>', body: 'A & B "trích dẫn"' },
      'https://x',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('Hệ thống &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &quot;trích dẫn&quot;');
  });

  it('has no dossier link when the notification is not about a dossier', () => {
    const mail = composeNotificationMail({ ...base, kind: 'OVERDUE', dossierId: null }, 'https://x');
    expect(mail.text).not.toContain('Xem hồ sơ');
    expect(mail.html).not.toContain('<a ');
    expect(mail.text).toContain('Loại thông báo: Hồ sơ đã quá hạn xử lý');
  });
});

describe('dossierLink', () => {
  it('joins the public address and the dossier without a double slash', () => {
    expect(dossierLink('https://capdo.sonla.gov.vn//', DOSSIER)).toBe(`https://capdo.sonla.gov.vn/ho-so/${DOSSIER}`);
  });
});
