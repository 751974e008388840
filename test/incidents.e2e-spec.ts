import JSZip from 'jszip';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Clock } from '../src/common/clock';
import { IncidentRemindersService } from '../src/incidents/incident-reminders.service';
import { seedIncidents } from '../seeds/demo-incidents';
import { createSystem } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

interface ReceivedMail {
  to: string[];
  subject: string;
}

const DETECTED = new Date('2026-12-01T02:30:00Z'); // 09:30 Hà Nội
const hoursAfter = (h: number) => new Date(DETECTED.getTime() + h * 3_600_000);
const RECIPIENTS = ['canbo@xaydung.sonla.gov.vn', 'thutruong@xaydung.sonla.gov.vn', 'thamdinh@congan.sonla.gov.vn'];

describe('incidents (ND331 Art. 31.2.c–d)', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];
  const CONFIGURED = ['SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'JOBS_ENABLED'] as const;
  let clock: Clock;
  let reminders: IncidentRemindersService;
  let officer: string;
  let systemId: string;
  let incidentId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const base = () => `/api/v1/systems/${systemId}/incidents`;
  const binary = (token: string, url: string) =>
    t
      .http()
      .get(url)
      .set(as(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeSubject(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = smtp.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = 'capdo Sơn La <no-reply@capdo.sonla.gov.vn>';
    process.env.PUBLIC_URL = 'https://capdo.sonla.gov.vn';
    process.env.JOBS_ENABLED = 'true';

    t = await createTestApp();
    clock = t.app.get(Clock);
    reminders = t.app.get(IncidentRemindersService);
    clock.setFixed(hoursAfter(1));
    await t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'thutruong.test', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = 'SL-SO-XD')
         FROM users WHERE username = 'admin' ON CONFLICT (username) DO NOTHING`,
    );
    // Only these three carry an address: the owner's officer and head, the provincial police's appraiser.
    await t.adminQuery(`UPDATE users SET email = NULL`);
    await t.adminQuery(
      `UPDATE users SET email = CASE username WHEN 'canbo.sl-so-xd' THEN $1 WHEN 'thutruong.test' THEN $2 WHEN 'thamdinh' THEN $3 END
        WHERE username IN ('canbo.sl-so-xd', 'thutruong.test', 'thamdinh')`,
      RECIPIENTS,
    );
    await t.adminQuery(
      `DELETE FROM users WHERE role = 'AGENCY_HEAD' AND username <> 'thutruong.test' AND agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-XD')`,
    );
    officer = await t.login('canbo.sl-so-xd');
    systemId = await createSystem(t, officer, 'SL-SO-XD', 'XD-SUCO', 'Cổng thông tin Sở Xây dựng');
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    for (const key of CONFIGURED) delete process.env[key];
  });

  it('records a serious incident with its 24-hour notice and 72-hour report clocks and flags an external assessment (Art. 31.2.c–d)', async () => {
    const res = await t
      .http()
      .post(base())
      .set(as(officer))
      .send({
        detectedAt: '2026-12-01T09:30:00+07:00',
        severity: 'SERIOUS',
        title: 'Mã độc mã hóa dữ liệu máy chủ ứng dụng',
        description: 'Máy chủ ứng dụng bị mã hóa.',
      })
      .expect(201);
    incidentId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'OPEN',
      severity: 'SERIOUS',
      severityLabel: 'Sự cố nghiêm trọng',
      externalAssessmentRequired: true,
      version: 1,
      detectedAt: DETECTED.toISOString(),
    });
    expect(res.body.clocks.map((c: { clock: string; dueAt: string }) => [c.clock, c.dueAt])).toEqual([
      ['INITIAL_NOTICE', hoursAfter(24).toISOString()],
      ['REPORT', hoursAfter(72).toISOString()],
    ]);
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['CREATED']);
  });

  it('sends each reminder once, before and at each deadline, to the owner and the provincial police, by real e-mail', async () => {
    const run = (h: number) => reminders.run(hoursAfter(h));
    expect(await run(19)).toBe(0); // more than 4 hours before the 24-hour notice
    expect(await run(20)).toBe(3); // "before": owner's officer, owner's head, provincial police
    expect(await run(21)).toBe(0); // once
    expect(await run(24)).toBe(3); // "at"
    expect(await run(30)).toBe(0);

    clock.setFixed(hoursAfter(26));
    const patched = await t
      .http()
      .patch(`${base()}/${incidentId}`)
      .set(as(officer))
      .send({ version: 1, initialNoticeSentAt: hoursAfter(25).toISOString(), actions: 'Cô lập máy chủ, khôi phục từ bản sao lưu.' })
      .expect(200);
    expect(patched.body.clocks[0]).toMatchObject({ clock: 'INITIAL_NOTICE', sentAt: hoursAfter(25).toISOString(), overdue: false });
    expect(await run(68)).toBe(3); // "before" the 72-hour report
    expect(await run(72)).toBe(3); // "at"
    expect(await run(80)).toBe(0);

    const mails = await waitFor(() => (received.length >= 12 ? received : undefined));
    await new Promise((r) => setTimeout(r, 1500)); // nothing more arrives
    expect(received).toHaveLength(12);
    for (const address of RECIPIENTS) {
      const subjects = mails.filter((m) => m.to.includes(address)).map((m) => m.subject);
      expect(subjects.sort()).toEqual(
        [
          '[capdo] Sắp đến hạn thông báo ban đầu sự cố: Cổng thông tin Sở Xây dựng',
          '[capdo] Đến hạn thông báo ban đầu sự cố: Cổng thông tin Sở Xây dựng',
          '[capdo] Sắp đến hạn báo cáo nguyên nhân, phạm vi ảnh hưởng, biện pháp khắc phục sự cố: Cổng thông tin Sở Xây dựng',
          '[capdo] Đến hạn báo cáo nguyên nhân, phạm vi ảnh hưởng, biện pháp khắc phục sự cố: Cổng thông tin Sở Xây dựng',
        ].sort(),
      );
    }
    const inbox = await t
      .http()
      .get('/api/v1/notifications')
      .set(as(await t.login('thamdinh')))
      .expect(200);
    const clocks = inbox.body.items.filter((n: { kind: string }) => n.kind === 'INCIDENT_CLOCK');
    expect(clocks).toHaveLength(4);
    expect(clocks[0].body).toContain(`Xem và ghi nhận: https://capdo.sonla.gov.vn/he-thong/${systemId}/su-co`);
    expect(clocks.map((n: { body: string }) => n.body).join('\n')).toContain(
      'hạn 09:30 ngày 02/12/2026 (điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP',
    );
  });

  it('prints the notice from the editable template as PDF and DOCX, in Vietnamese', async () => {
    const pdf = await binary(officer, `${base()}/${incidentId}/notice.pdf`);
    expect({ status: pdf.status, type: pdf.headers['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    const text = squash((await pdfParse(pdf.body)).text);
    for (const expected of [
      'Kính gửi: Công an tỉnh Sơn La',
      'V/v báo cáo sự cố an ninh mạng',
      'Mã độc mã hóa dữ liệu máy chủ ứng dụng',
      'điểm c khoản 2 Điều 31',
      'Đã gửi lúc',
    ])
      expect(text).toContain(squash(expected));
    const docx = await binary(officer, `${base()}/${incidentId}/notice.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(squash(xml.replace(/<[^>]+>/g, ''))).toContain(squash('Cô lập máy chủ, khôi phục từ bản sao lưu.'));
    expectProblem(await t.http().get(`${base()}/${incidentId}/notice.odt`).set(as(officer)), 404, 'NOT_FOUND');
  });

  it('refuses to close while the report is owed, then closes; a closed incident is not edited', async () => {
    clock.setFixed(hoursAfter(60));
    expectProblem(
      await t.http().patch(`${base()}/${incidentId}`).set(as(officer)).send({ version: 2, status: 'CLOSED' }),
      422,
      'INCIDENT_CLOCKS_RUNNING',
    );
    const closed = await t
      .http()
      .patch(`${base()}/${incidentId}`)
      .set(as(officer))
      .send({ version: 2, reportSentAt: hoursAfter(59).toISOString(), status: 'CLOSED' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', version: 3, closedAt: hoursAfter(60).toISOString() });
    expect(closed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'NOTICE_SENT', 'CLOSED']);
    expectProblem(
      await t.http().patch(`${base()}/${incidentId}`).set(as(officer)).send({ version: 3, actions: 'x' }),
      409,
      'INCIDENT_CLOSED',
    );
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    clock.setFixed(hoursAfter(100));
    const before = await countRows(t.db, 'incidents');
    const future = await t
      .http()
      .post(base())
      .set(as(officer))
      .send({ detectedAt: hoursAfter(101).toISOString(), severity: 'NORMAL', title: 'Sự cố sau' });
    expectProblem(future, 422, 'INCIDENT_TIME_INVALID');
    for (const body of [
      { detectedAt: 'hôm qua', severity: 'NORMAL', title: 'Sự cố' },
      { detectedAt: hoursAfter(90).toISOString(), severity: 'CRITICAL', title: 'Sự cố' },
      { detectedAt: hoursAfter(90).toISOString(), severity: 'NORMAL', title: '' },
      { detectedAt: hoursAfter(90).toISOString(), severity: 'NORMAL', title: 'Sự cố', nationalSecurity: 'có' },
      { detectedAt: hoursAfter(90).toISOString(), severity: 'NORMAL', title: 'Sự cố', extra: 1 },
    ])
      expectProblem(await t.http().post(base()).set(as(officer)).send(body), 422, 'VALIDATION_FAILED');
    expect(await countRows(t.db, 'incidents')).toBe(before);

    const open = await t
      .http()
      .post(base())
      .set(as(officer))
      .send({ detectedAt: hoursAfter(90).toISOString(), severity: 'NORMAL', title: 'Quét cổng bất thường' })
      .expect(201);
    expect(open.body).toMatchObject({ externalAssessmentRequired: false });
    expect(open.body.clocks.map((c: { clock: string }) => c.clock)).toEqual(['REPORT']);
    const url = `${base()}/${open.body.id}`;
    expectProblem(await t.http().patch(url).set(as(officer)).send({ version: 9, actions: 'x' }), 409, 'VERSION_CONFLICT');
    expectProblem(
      await t
        .http()
        .patch(url)
        .set(as(officer))
        .send({ version: 1, reportSentAt: hoursAfter(80).toISOString() }),
      422,
      'INCIDENT_TIME_INVALID',
    );
    expectProblem(
      await t
        .http()
        .patch(url)
        .set(as(officer))
        .send({ version: 1, reportSentAt: hoursAfter(120).toISOString() }),
      422,
      'INCIDENT_TIME_INVALID',
    );
    expectProblem(await t.http().patch(url).set(as(officer)).send({ version: 1, status: 'OPEN' }), 422, 'VALIDATION_FAILED');
    expectProblem(await t.http().get(`${base()}/not-a-uuid`).set(as(officer)), 404, 'NOT_FOUND');
    const national = await t.http().patch(url).set(as(officer)).send({ version: 1, nationalSecurity: true }).expect(200);
    expect(national.body).toMatchObject({ externalAssessmentRequired: true });
    expect(national.body.clocks[0]).toMatchObject({ clock: 'INITIAL_NOTICE', immediate: true, overdue: true });
    const docx = await binary(officer, `${url}/notice.docx`);
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    const words = squash(xml.replace(/<[^>]+>/g, ''));
    expect(words).toContain(squash('V/v thông báo ban đầu về sự cố an ninh mạng'));
    expect(words).toContain(squash('Ngay khi phát hiện'));
  });

  it('lets only the owner or operator officers write; others read within their scope, other agencies see nothing', async () => {
    const body = { detectedAt: hoursAfter(95).toISOString(), severity: 'NORMAL', title: 'Sự cố khác' };
    for (const username of ['thamdinh', 'lanhdao', 'thutruong.test'])
      expectProblem(
        await t
          .http()
          .post(base())
          .set(as(await t.login(username)))
          .send(body),
        403,
        'FORBIDDEN',
      );
    const stranger = await t.login('canbo.sl-so-yt');
    expectProblem(await t.http().post(base()).set(as(stranger)).send(body), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(base()).set(as(stranger)), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`${base()}/${incidentId}`).set(as(stranger)), 404, 'NOT_FOUND');
    expect((await t.http().get('/api/v1/incidents').set(as(stranger)).expect(200)).body.total).toBe(0);

    const police = await t
      .http()
      .get('/api/v1/incidents?status=OPEN')
      .set(as(await t.login('thamdinh')))
      .expect(200);
    expect(police.body.items.map((i: { title: string }) => i.title)).toEqual(['Quét cổng bất thường']);
    const leader = await t
      .http()
      .get('/api/v1/incidents')
      .set(as(await t.login('lanhdao')))
      .expect(200);
    expect(leader.body.total).toBe(2);
    expect(
      (
        await t
          .http()
          .get(base())
          .set(as(await t.login('thamdinh')))
          .expect(200)
      ).body,
    ).toHaveLength(2);
  });

  it('records no incident of a state-secret system on this networked system (minimal metadata)', async () => {
    const [{ id: owner }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const secret = await t
      .http()
      .post('/api/v1/systems')
      .set(as(officer))
      .send({
        code: 'XD-MAT',
        name: 'Hệ thống mật',
        ownerAgencyId: owner,
        systemType: 'INTERNAL',
        infoTypes: ['STATE_SECRET'],
        lifecycle: 'IN_OPERATION',
      })
      .expect(201);
    const before = await countRows(t.db, 'incidents');
    const res = await t
      .http()
      .post(`/api/v1/systems/${secret.body.id}/incidents`)
      .set(as(officer))
      .send({ detectedAt: hoursAfter(99).toISOString(), severity: 'SERIOUS', title: 'Sự cố hệ thống mật' });
    expectProblem(res, 422, 'STATE_SECRET_MINIMAL_METADATA');
    expect(await countRows(t.db, 'incidents')).toBe(before);
  });

  it('the demo seed records one open serious incident through the service, its notice sent and its report owed', async () => {
    await t.adminQuery(
      `UPDATE systems SET approved_level = 3, approval_decision_number = '15/QĐ-SXD', approval_decision_date = '2026-09-30' WHERE id = $1`,
      [systemId],
    );
    const id = await seedIncidents(t.app);
    const [row] = await t.db.query(
      `SELECT system_id, severity, status, initial_notice_sent_at, report_sent_at, external_assessment_required, reported_by IS NOT NULL AS by_officer
         FROM incidents WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({
      system_id: systemId,
      severity: 'SERIOUS',
      status: 'OPEN',
      report_sent_at: null,
      external_assessment_required: true,
      by_officer: true,
    });
    expect(row.initial_notice_sent_at.toISOString()).toBe('2026-11-27T08:40:00.000Z');
    const events = await t.db.query(`SELECT kind FROM incident_events WHERE incident_id = $1 ORDER BY at`, [id]);
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'NOTICE_SENT']);
  });
});

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The Subject header; RFC 2047 words joined byte-wise (as in notifications.e2e-spec.ts), so a split character survives. */
function decodeSubject(raw: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith('subject:')) ?? '';
  const value = line.slice('subject:'.length).trim();
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)(?:\s+(?==\?))/g, '$1')
    .replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) =>
      Buffer.concat(
        [...run.matchAll(word)].map(([, , encoding, text]) =>
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
                'latin1',
              ),
        ),
      ).toString('utf8'),
    )
    .normalize('NFC');
}
