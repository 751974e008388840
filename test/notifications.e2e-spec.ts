import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { QueryRunner } from 'typeorm';
import { NotificationEventTime1764190000000 } from '../migrations/1764190000000-NotificationEventTime';
import { Clock } from '../src/common/clock';
import { JobsService } from '../src/notifications/jobs.service';
import { NOTIFICATION_EMAIL_QUEUE, NotificationsService, NotifyInput } from '../src/notifications/notifications.service';
import { createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession } from './support/web-session';

interface ReceivedMail {
  user: string | undefined;
  from: string;
  to: string[];
  raw: string;
}

const APPRAISER_EMAIL = 'thamdinh@congan.sonla.gov.vn';
const PUBLIC_URL = 'https://capdo.sonla.gov.vn';

describe('notifications', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];
  const CONFIGURED = ['SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'JOBS_ENABLED'] as const;
  let notifications: NotificationsService;
  let appraiser: string;
  let leader: string;
  let appraisalAgencyId: string;
  let dossierId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const userId = async (username: string): Promise<string> =>
    (await t.db.query(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;
  const emailJobs = async (): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [NOTIFICATION_EMAIL_QUEUE]))[0].n;
  const notify = (input: NotifyInput) => t.db.transaction((em) => notifications.notify(em, input));
  const toAppraisers = (title: string, extra: Partial<NotifyInput> = {}): NotifyInput => ({
    recipients: { agencyId: appraisalAgencyId, roles: ['APPRAISER'] },
    kind: 'DOSSIER_ROUTED',
    title,
    body: 'Hồ sơ đề xuất cấp độ 3 của hệ thống "Cổng dịch vụ công" đã được gửi đến Công an tỉnh Sơn La.\nHạn kiểm tra tính hợp lệ: 05/12/2025.',
    dossierId,
    ...extra,
  });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === 'capdo' && auth.password === 'mat-khau'
          ? callback(null, { user: auth.username })
          : callback(new Error('Sai mật khẩu SMTP')),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            user: session.user as string | undefined,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = smtp.server.address() as AddressInfo;
    // Before the app is built: the configuration is read once, at start.
    process.env.SMTP_URL = `smtp://capdo:mat-khau@127.0.0.1:${port}`;
    process.env.MAIL_FROM = 'capdo Sơn La <no-reply@capdo.sonla.gov.vn>';
    process.env.PUBLIC_URL = PUBLIC_URL;
    process.env.JOBS_ENABLED = 'true';

    t = await createTestApp();
    notifications = t.app.get(NotificationsService);
    await t.db.query(`UPDATE users SET email = $1 WHERE username = 'thamdinh'`, [APPRAISER_EMAIL]);
    [appraiser, leader] = await Promise.all([t.login('thamdinh'), t.login('lanhdao')]);
    appraisalAgencyId = (await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`))[0].id;
    dossierId = await createDossier(t, await t.login('canbo.sl-so-xd'));
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    for (const key of CONFIGURED) delete process.env[key];
  });

  describe('notify', () => {
    it("puts the notification in the appraisers' inbox and e-mails it in Vietnamese with the dossier link", async () => {
      const title = 'Hồ sơ mới cần thẩm định: Cổng dịch vụ công tỉnh Sơn La';
      expect(await notify(toAppraisers(title))).toBe(1);

      const inbox = await t.http().get('/api/v1/notifications').set(as(appraiser)).expect(200);
      expect(inbox.body).toMatchObject({ total: 1, unread: 1 });
      expect(inbox.body.items[0]).toEqual({
        id: expect.any(String),
        kind: 'DOSSIER_ROUTED',
        kindLabel: 'Hồ sơ gửi đến đơn vị thẩm định',
        title,
        body: expect.stringContaining('Hạn kiểm tra tính hợp lệ: 05/12/2025.'),
        dossierId,
        occurredAt: expect.any(String),
        createdAt: expect.any(String),
        readAt: null,
      });
      const leaderInbox = await t.http().get('/api/v1/notifications').set(as(leader)).expect(200);
      expect(leaderInbox.body).toMatchObject({ items: [], total: 0, unread: 0 });

      const mail = await waitForMail((m) => decodeSubject(m.raw) === `[capdo] ${title}`);
      expect(mail.to).toEqual([APPRAISER_EMAIL]);
      expect(mail.from).toBe('no-reply@capdo.sonla.gov.vn');
      expect(mail.user).toBe('capdo');
      expect(decodeHeader(headerOf(mail.raw, 'from'))).toBe('capdo Sơn La <no-reply@capdo.sonla.gov.vn>');
      const text = textPart(mail.raw);
      expect(text).toContain('Kính gửi Cán bộ thẩm định Công an tỉnh,');
      expect(text).toContain('Hạn kiểm tra tính hợp lệ: 05/12/2025.');
      expect(text).toContain(`Xem hồ sơ: ${PUBLIC_URL}/ho-so/${dossierId}`);
      expect(htmlPart(mail.raw)).toContain(`<a href="${PUBLIC_URL}/ho-so/${dossierId}">Xem hồ sơ</a>`);

      const emailedAt = await waitFor(
        async () => (await t.db.query(`SELECT emailed_at FROM notifications WHERE id = $1`, [inbox.body.items[0].id]))[0].emailed_at,
      );
      expect(emailedAt).toBeInstanceOf(Date);
    });

    it('leaves no row, no job and no e-mail when the use case rolls back', async () => {
      const [jobsBefore, rowsBefore] = [await emailJobs(), await countNotifications()];
      await expect(
        t.db.transaction(async (em) => {
          expect(await notifications.notify(em, toAppraisers('Hồ sơ bị hủy giữa chừng'))).toBe(1);
          const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [NOTIFICATION_EMAIL_QUEUE]);
          expect(n).toBe(jobsBefore + 1); // queued, but only inside this transaction
          throw new Error('the workflow failed after notifying');
        }),
      ).rejects.toThrow('the workflow failed after notifying');
      expect(await emailJobs()).toBe(jobsBefore);
      expect(await countNotifications()).toBe(rowsBefore);

      // A later notification goes out; the rolled-back one never does.
      await notify(toAppraisers('Hồ sơ gửi lại sau khi hủy'));
      await waitForMail((m) => decodeSubject(m.raw) === '[capdo] Hồ sơ gửi lại sau khi hủy');
      expect(received.map((m) => decodeSubject(m.raw))).not.toContain('[capdo] Hồ sơ bị hủy giữa chừng');
    });

    it('stores a reminder once per user for one dedupe key, and e-mails it once', async () => {
      const jobsBefore = await emailJobs();
      const reminder = toAppraisers('Hồ sơ sắp đến hạn kiểm tra', { kind: 'DUE_SOON', dedupeKey: `DUE_SOON:${dossierId}:2025-12-03` });
      expect(await notify(reminder)).toBe(1);
      expect(await notify(reminder)).toBe(0);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [reminder.dedupeKey]);
      expect(n).toBe(1);
      expect(await emailJobs()).toBe(jobsBefore + 1);
    });

    it('notifies a user without an e-mail address in the inbox only, and skips inactive accounts', async () => {
      const jobsBefore = await emailJobs();
      expect(
        await notify({
          recipients: { userIds: [await userId('lanhdao')] },
          kind: 'DOSSIER_APPROVED',
          title: 'Đã phê duyệt cấp độ: Cổng dịch vụ công',
          body: 'Quyết định số 12/QĐ-UBND.',
        }),
      ).toBe(1);
      expect(await emailJobs()).toBe(jobsBefore);
      const inbox = await t.http().get('/api/v1/notifications').set(as(leader)).expect(200);
      expect(inbox.body.items.map((i: { title: string }) => i.title)).toEqual(['Đã phê duyệt cấp độ: Cổng dịch vụ công']);

      await t.db.query(`UPDATE users SET active = false WHERE username = 'canbo.sl-so-yt'`);
      expect(
        await notify({ recipients: { userIds: [await userId('canbo.sl-so-yt')] }, kind: 'OVERDUE', title: 'Quá hạn', body: '…' }),
      ).toBe(0);
      expect(await notify({ recipients: {}, kind: 'OVERDUE', title: 'Không ai nhận', body: '…' })).toBe(0);
    });

    it('refuses to run outside a transaction, where a rollback could not take the e-mail back', async () => {
      await expect(notifications.notify(t.db.manager, toAppraisers('Ngoài giao dịch'))).rejects.toThrow(/open transaction/);
    });
  });

  describe('inbox', () => {
    it("pages the caller's notifications, newest first, and filters the unread ones", async () => {
      const all = await t.http().get('/api/v1/notifications').set(as(appraiser)).expect(200);
      expect(all.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 50 });
      expect(all.body.items.map((i: { title: string }) => i.title)).toEqual([
        'Hồ sơ sắp đến hạn kiểm tra',
        'Hồ sơ gửi lại sau khi hủy',
        'Hồ sơ mới cần thẩm định: Cổng dịch vụ công tỉnh Sơn La',
      ]);
      const second = await t.http().get('/api/v1/notifications?page=2&pageSize=1').set(as(appraiser)).expect(200);
      expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(['Hồ sơ gửi lại sau khi hủy']);
      expectProblem(await t.http().get('/api/v1/notifications?unreadOnly=maybe').set(as(appraiser)), 422, 'VALIDATION_FAILED');
    });

    it("marks one notification read, only the caller's own", async () => {
      const { body } = await t.http().get('/api/v1/notifications').set(as(appraiser)).expect(200);
      const [newest, middle] = body.items;

      expectProblem(await t.http().post(`/api/v1/notifications/${middle.id}/read`).set(as(leader)), 404, 'NOT_FOUND');
      expectProblem(await t.http().post('/api/v1/notifications/khong-phai-uuid/read').set(as(appraiser)), 404, 'NOT_FOUND');

      await t.http().post(`/api/v1/notifications/${newest.id}/read`).set(as(appraiser)).expect(204);
      await t.http().post(`/api/v1/notifications/${newest.id}/read`).set(as(appraiser)).expect(204);
      const unread = await t.http().get('/api/v1/notifications?unreadOnly=true').set(as(appraiser)).expect(200);
      expect(unread.body).toMatchObject({ total: 2, unread: 2 });
      expect(unread.body.items.map((i: { id: string }) => i.id)).toEqual([middle.id, body.items[2].id]);
      const all = await t.http().get('/api/v1/notifications').set(as(appraiser)).expect(200);
      expect(all.body.items[0]).toMatchObject({ id: newest.id, readAt: expect.any(String) });
    });

    it('marks everything read for the caller and nobody else', async () => {
      await t.http().post('/api/v1/notifications/read-all').set(as(appraiser)).expect(204);
      const mine = await t.http().get('/api/v1/notifications?unreadOnly=true').set(as(appraiser)).expect(200);
      expect(mine.body).toMatchObject({ items: [], total: 0, unread: 0 });
      const leaders = await t.http().get('/api/v1/notifications').set(as(leader)).expect(200);
      expect(leaders.body.unread).toBe(1);
    });

    it('answers 401 without a token', async () => {
      expectProblem(await t.http().get('/api/v1/notifications'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().post('/api/v1/notifications/read-all'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('the time of the event (issue 23)', () => {
    const toAdmin = async (title: string, extra: Partial<NotifyInput> = {}) =>
      notify({ recipients: { userIds: [await userId('admin')] }, kind: 'DOSSIER_ROUTED', title, body: 'Nội dung.', ...extra });

    it('is the workflow clock’s time (as the demo sets it to each step’s date) or the one given, shown and sorted by it', async () => {
      const clock = t.app.get(Clock);
      clock.setFixed('2026-03-02T02:30:00Z');
      try {
        await toAdmin('Sự việc ngày 02/03/2026');
      } finally {
        clock.setFixed(undefined);
      }
      // Written after the one above, about an event before it.
      await toAdmin('Sự việc ngày 05/01/2026', { occurredAt: new Date('2026-01-05T01:00:00Z') });
      const before = Date.now();
      await toAdmin('Sự việc hôm nay');

      const admin = await t.login('admin');
      const { body } = await t.http().get('/api/v1/notifications').set(as(admin)).expect(200);
      const items = body.items as { title: string; occurredAt: string; createdAt: string }[];
      expect(items.map((i) => i.title)).toEqual(['Sự việc hôm nay', 'Sự việc ngày 02/03/2026', 'Sự việc ngày 05/01/2026']);
      expect(items[1].occurredAt).toBe('2026-03-02T02:30:00.000Z');
      expect(items[2].occurredAt).toBe('2026-01-05T01:00:00.000Z');
      expect(Date.parse(items[0].occurredAt)).toBeGreaterThanOrEqual(before - 1000);
      for (const item of items) expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(before - 60_000);

      // The inbox page shows the event's time in Vietnam time, not the time the row was written.
      const session = await webSession(t, 'admin');
      const page = await t.http().get('/thong-bao').set('cookie', session.cookie).expect(200);
      expect(page.text).toContain('<time datetime="2026-03-02T02:30:00.000Z">02/03/2026 09:30</time>');
      expect(page.text).toContain('<time datetime="2026-01-05T01:00:00.000Z">05/01/2026 08:00</time>');
      expect(page.text.indexOf('02/03/2026 09:30')).toBeLessThan(page.text.indexOf('05/01/2026 08:00'));
    });

    it('gives the rows written before the column existed their insert time, and none is left empty (migration 1764190000000)', async () => {
      const migration = new NotificationEventTime1764190000000();
      const admin = new Client({ connectionString: t.databaseUrl });
      await admin.connect();
      try {
        const runner = { query: (sql: string) => admin.query(sql) } as unknown as QueryRunner;
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await admin.end();
      }
      const rows: { same: boolean }[] = await t.db.query(`SELECT occurred_at = created_at AS same FROM notifications`);
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.filter((r) => !r.same)).toEqual([]);
    });
  });

  describe('recurring jobs', () => {
    it('stores the schedule in PostgreSQL, in Vietnam time, once per name', async () => {
      const jobs = t.app.get(JobsService);
      await jobs.registerRecurring('due-date-reminders-test', '0 7 * * 1-5', async () => undefined);
      expect(await t.db.query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'due-date-reminders-test'`)).toEqual([
        { name: 'due-date-reminders-test', cron: '0 7 * * 1-5', timezone: 'Asia/Ho_Chi_Minh' },
      ]);
      await expect(jobs.registerRecurring('due-date-reminders-test', '0 8 * * *', async () => undefined)).rejects.toThrow(
        /already registered/,
      );
    });
  });

  describe('without SMTP_URL', () => {
    let bare: TestApp;
    beforeAll(async () => {
      delete process.env.SMTP_URL;
      bare = await createTestApp();
      await bare.db.query(`UPDATE users SET email = $1 WHERE username = 'thamdinh'`, [APPRAISER_EMAIL]);
    });
    afterAll(() => bare?.close());

    it('completes the e-mail job without sending, leaving emailed_at empty and the inbox row in place', async () => {
      const [{ id: agencyId }] = await bare.db.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`);
      const service = bare.app.get(NotificationsService);
      const title = 'Hồ sơ chỉ báo trong hộp thư';
      await bare.db.transaction((em) =>
        service.notify(em, { recipients: { agencyId, roles: ['APPRAISER'] }, kind: 'OVERDUE', title, body: 'Đã quá hạn.' }),
      );
      const state = await waitFor(async () => {
        const [job] = await bare.db.query(`SELECT state FROM pgboss.job WHERE name = $1`, [NOTIFICATION_EMAIL_QUEUE]);
        return job?.state === 'completed' ? job.state : undefined;
      });
      expect(state).toBe('completed');
      expect(await bare.db.query(`SELECT title, emailed_at FROM notifications`)).toEqual([{ title, emailed_at: null }]);
      expect(received.map((m) => decodeSubject(m.raw))).not.toContain(`[capdo] ${title}`);
    });
  });

  const countNotifications = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM notifications`))[0].n;

  async function waitForMail(match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
    return waitFor(async () => received.find(match));
  }
});

/** Polls until `probe` yields a value (pg-boss workers poll every 2 s), failing after 15 s. */
async function waitFor<T>(probe: () => Promise<T | undefined | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createDossier(t: TestApp, token: string): Promise<string> {
  const [{ id: ownerAgencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
  const auth = { authorization: `Bearer ${token}` };
  const system = await t
    .http()
    .post('/api/v1/systems')
    .set(auth)
    .send({
      code: 'CONG-DVC',
      name: 'Cổng dịch vụ công tỉnh Sơn La',
      ownerAgencyId,
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      lifecycle: 'IN_OPERATION',
      description: 'Tiếp nhận hồ sơ thủ tục hành chính',
      scope: 'Toàn tỉnh',
      servedPopulation: 'Người dân, doanh nghiệp',
    })
    .expect(201);
  const facts = {
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC', 'PERSONAL'],
    handlesAdminProcedures: true,
    basicPersonalDataSubjects: 5000,
    sensitivePersonalDataSubjects: 0,
    riskAssessedLevel: 2,
  };
  const dossier = await t.http().post('/api/v1/dossiers').set(auth).send({ systemId: system.body.id, facts }).expect(201);
  return dossier.body.id;
}

// --- Just enough MIME to read what nodemailer wrote (RFC 2045/2047), without a mail-parsing dependency. ---

function headerOf(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) throw new Error(`no ${name} header`);
  return line.slice(name.length + 1).trim();
}

/** Decodes RFC 2047 encoded words; adjacent words are joined byte-wise, so a character split between them survives. */
function decodeHeader(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)(?:\s+(?==\?))/g, '$1').replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , encoding, text]) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

function decodeSubject(raw: string): string {
  return decodeHeader(headerOf(raw, 'subject'));
}

function decodeBody(body: string, transferEncoding: string): string {
  if (/base64/i.test(transferEncoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(transferEncoding)) {
    return Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

function mimePart(raw: string, type: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headerOf(raw, 'content-type'))?.[1];
  if (!boundary) throw new Error('not a multipart message');
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
    if (!new RegExp(`content-type:\\s*${type}`, 'i').test(head)) continue;
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1] ?? '7bit';
    return decodeBody(part.slice(split + 4).replace(/\r\n$/, ''), encoding);
  }
  throw new Error(`no ${type} part`);
}

const textPart = (raw: string) => mimePart(raw, 'text/plain');
const htmlPart = (raw: string) => mimePart(raw, 'text/html');
