import { Clock } from '../src/common/clock';
import { HEADER_ROW } from '../src/systems/import-export/system-columns';
import { createHash } from 'node:crypto';
import { checkInvariants } from './reliability/support/invariants';
import { createCompleteDossier, createSystem, LEVEL3_FACTS, PDF } from './support/dossier-fixtures';
import { createAgencyHead, decide } from './support/procedure-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 16, point 5: the state-secret rule on every path (Law 116/2025/QH15 Art. 15; docs/legal/state-secret.md).
 * Whenever the system or the dossier's facts include state secrets: no update, no upload, no submission, no document
 * rendering and no attachment download (422 STATE_SECRET_OFFLINE_DOSSIER). A system that becomes state-secret has its
 * open dossiers withdrawn, emptied of files and texts, and the audit keeps only hashes.
 */
describe('state secrets never stay on the networked registry', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let leader: string;
  let head: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const sha = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
  const act = (token: string, id: string, action: string, body: object) =>
    t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);
  const upload = (token: string, id: string, name = 'Phụ lục.pdf') =>
    t.http().post(`/api/v1/dossiers/${id}/attachments`).set(as(token)).field('kind', 'OTHER').attach('file', PDF, name);
  const SECRET_FACTS = { systemType: 'INTERNAL', infoTypes: ['PRIVATE', 'STATE_SECRET'], nationalSecurityHarm: 'HARM' };

  beforeAll(async () => {
    t = await createTestApp();
    head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.sl-so-xd', 'Giám đốc Sở Xây dựng');
    [officer, otherOfficer, appraiser, leader] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'lanhdao'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t.close());

  describe("a dossier's facts that include state secrets", () => {
    let systemId: string;
    let id: string;
    let attachmentId: string;

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'SS-FACTS', 'Hệ thống quản lý văn bản nội bộ');
      id = (await createCompleteDossier(t, officer, systemId)).id;
      attachmentId = (await t.db.query(`SELECT id FROM dossier_attachments WHERE dossier_id = $1 LIMIT 1`, [id]))[0].id;
    });

    it('cannot be patched in: PATCH facts to STATE_SECRET → 422, nothing written', async () => {
      const d = await get(id);
      const res = await t.http().patch(`/api/v1/dossiers/${id}`).set(as(officer)).send({ version: d.version, facts: SECRET_FACTS });
      const body = expectProblem(res, 422, 'STATE_SECRET_OFFLINE_DOSSIER');
      expect(body.detail).toContain('bí mật nhà nước');
      expect(body.errors).toEqual({ 'facts.infoTypes': ['hệ thống xử lý thông tin bí mật nhà nước'] });
      expect((await get(id)).version).toBe(d.version);
    });

    it('cannot be given at creation either, even for a system not recorded as state-secret', async () => {
      const before = await countRows(t.db, 'dossiers');
      expectProblem(
        await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts: SECRET_FACTS }),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
      expect(await countRows(t.db, 'dossiers')).toBe(before);
    });

    describe('a dossier already holding such facts (stored before this rule)', () => {
      beforeAll(async () => {
        await t.db.query(`UPDATE dossiers SET classification = jsonb_set(classification, '{facts}', $2::jsonb) WHERE id = $1`, [
          id,
          JSON.stringify(SECRET_FACTS),
        ]);
      });

      it('takes no attachment: upload → 422, nothing stored', async () => {
        const before = await countRows(t.db, 'dossier_attachments');
        const body = expectProblem(await upload(officer, id), 422, 'STATE_SECRET_OFFLINE_DOSSIER');
        expect(body.errors).toEqual({ file: ['hệ thống xử lý thông tin bí mật nhà nước'] });
        expect(await countRows(t.db, 'dossier_attachments')).toBe(before);
      });

      it('takes no update, even one that does not touch the facts', async () => {
        const d = await get(id);
        expectProblem(
          await t.http().patch(`/api/v1/dossiers/${id}`).set(as(officer)).send({ version: d.version, levelJustification: 'Bổ sung' }),
          422,
          'STATE_SECRET_OFFLINE_DOSSIER',
        );
        expect((await get(id)).version).toBe(d.version);
      });

      it('is not submitted: 422, no revision frozen', async () => {
        const d = await get(id);
        expectProblem(await act(officer, id, 'submit', { version: d.version }), 422, 'STATE_SECRET_OFFLINE_DOSSIER');
        expect((await t.db.query(`SELECT count(*)::int AS n FROM dossier_revisions WHERE dossier_id = $1`, [id]))[0].n).toBe(0);
      });

      it('renders no PDF or DOCX, and serves no attachment', async () => {
        for (const file of ['mau-02.pdf', 'mau-02.docx', 'thuyet-minh.pdf']) {
          expectProblem(
            await t.http().get(`/api/v1/dossiers/${id}/documents/${file}`).set(as(officer)),
            422,
            'STATE_SECRET_OFFLINE_DOSSIER',
          );
        }
        expectProblem(
          await t.http().get(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).set(as(leader)),
          422,
          'STATE_SECRET_OFFLINE_DOSSIER',
        );
      });

      it('still answers 404 outside the scope and 403 to a read-only role before the rule', async () => {
        expectProblem(await t.http().get(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).set(as(otherOfficer)), 404, 'NOT_FOUND');
        expectProblem(await upload(leader, id), 403, 'FORBIDDEN');
        expectProblem(await upload(otherOfficer, id), 404, 'NOT_FOUND');
      });

      it('may still be withdrawn, and its files may be removed', async () => {
        await t.http().delete(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).set(as(officer)).expect(204);
        const d = await get(id);
        const res = await act(officer, id, 'withdraw', { version: d.version, note: 'Lập theo chế độ mật' }).expect(200);
        expect(res.body.status).toBe('WITHDRAWN');
      });
    });
  });

  describe('a system patched to state-secret', () => {
    const MARKER = 'KIEN-TRUC-MAT-7f3a';
    let systemId: string;
    let submitted: string;
    let draft: string;
    let draftAttachment: string;
    let systemVersion: number;
    const attachmentHashes: string[] = [];

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'SS-SYS', 'Hệ thống điều hành tác nghiệp');
      // One dossier submitted (a frozen revision with texts and files), one draft with a file and an architecture text.
      submitted = (await createCompleteDossier(t, officer, systemId)).id;
      let d = await get(submitted);
      await t
        .http()
        .patch(`/api/v1/dossiers/${submitted}`)
        .set(as(officer))
        .send({ version: d.version, description: { architecture: `${MARKER} sơ đồ mạng, dải IP 10.1.2.0/24` } })
        .expect(200);
      d = await get(submitted);
      await act(officer, submitted, 'submit', { version: d.version }).expect(200);
      draft = (await createCompleteDossier(t, officer, systemId)).id;
      d = await get(draft);
      await t
        .http()
        .patch(`/api/v1/dossiers/${draft}`)
        .set(as(officer))
        .send({ version: d.version, planSections: { a: `${MARKER} tường lửa tại phòng máy` }, levelJustification: `${MARKER} giải trình` })
        .expect(200);
      const extra = await upload(officer, draft, 'Sơ đồ mạng.pdf').expect(201);
      draftAttachment = extra.body.id;
      for (const row of await t.db.query(`SELECT sha256 FROM dossier_attachments WHERE dossier_id = ANY($1)`, [[submitted, draft]]))
        attachmentHashes.push(row.sha256);
      systemVersion = (await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body.version;
    });

    it('withdraws its open dossiers in the same request, with the reason, as the workflow would', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/systems/${systemId}`)
        .set(as(officer))
        .send({ version: systemVersion, infoTypes: ['STATE_SECRET'], systemType: 'INTERNAL' })
        .expect(200);
      expect(res.body.stateSecret).toBe(true);
      for (const id of [submitted, draft]) {
        const d = await get(id);
        expect(d).toMatchObject({ status: 'WITHDRAWN', statusLabel: 'Đã rút' });
        const history = await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(officer)).expect(200);
        const last = history.body[history.body.length - 1];
        expect(last).toMatchObject({
          action: 'withdraw',
          toStatus: 'WITHDRAWN',
          note: expect.stringContaining('bí mật nhà nước'),
          details: { reason: 'STATE_SECRET' },
        });
      }
    });

    it('deletes their attachments and free-text descriptions', async () => {
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM dossier_attachments WHERE dossier_id = ANY($1)`, [[submitted, draft]]))[0].n,
      ).toBe(0);
      for (const id of [submitted, draft]) {
        const d = await get(id);
        expect(d.attachments).toEqual([]);
        expect(d.description).toMatchObject({ overview: null, scope: null, servedPopulation: null, architecture: null, components: [] });
        expect(d.levelJustification).toBe('');
        expect(d.planSections.every((s: { text: string }) => !s.text)).toBe(true);
      }
      const leaks = await t.db.query(
        `SELECT (SELECT count(*) FROM dossiers WHERE id = ANY($1) AND (description::text || plan_sections::text || plan_entries::text || level_justification) LIKE $2)::int AS dossiers,
                (SELECT count(*) FROM dossier_revisions WHERE dossier_id = ANY($1) AND content::text LIKE $2)::int AS revisions,
                (SELECT count(*) FROM dossier_events WHERE dossier_id = ANY($1) AND coalesce(details::text, '') || coalesce(note, '') LIKE $2)::int AS events`,
        [[submitted, draft], `%${MARKER}%`],
      );
      expect(leaks[0]).toEqual({ dossiers: 0, revisions: 0, events: 0 });
      const revision = await t.http().get(`/api/v1/dossiers/${submitted}/revisions/1`).set(as(appraiser)).expect(200);
      expect(revision.body).toMatchObject({
        number: 1,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        content: { redacted: 'STATE_SECRET' },
      });
    });

    it('keeps in the audit log only the hashes of what it deleted, never the content', async () => {
      const rows = await t.db.query(`SELECT entity_id, after FROM audit_log WHERE action = 'DOSSIER_WITHDRAW' AND entity_id = ANY($1)`, [
        [submitted, draft],
      ]);
      expect(rows).toHaveLength(2);
      const removed = rows.flatMap((r: { after: { removed: { attachments: { sha256: string }[] } } }) =>
        r.after.removed.attachments.map((a) => a.sha256),
      );
      expect(removed.sort()).toEqual([...attachmentHashes].sort());
      const draftRow = rows.find((r: { entity_id: string }) => r.entity_id === draft).after;
      expect(draftRow.removed.texts).toEqual(
        expect.arrayContaining([
          { field: 'planSections.a', sha256: sha(`${MARKER} tường lửa tại phòng máy`) },
          { field: 'levelJustification', sha256: sha(`${MARKER} giải trình`) },
        ]),
      );
      expect(draftRow.removed.attachments).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: draftAttachment, sha256: sha(PDF), fileNameSha256: sha('Sơ đồ mạng.pdf') })]),
      );
      const submittedRow = rows.find((r: { entity_id: string }) => r.entity_id === submitted).after;
      expect(submittedRow.removed.revisions).toEqual([{ number: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE coalesce(before::text, '') || coalesce(after::text, '') LIKE $1`,
        [`%${MARKER}%`],
      );
      expect(n).toBe(0);
    });

    it('leaves every dossier explained by its history: the withdrawal replays through the transition table', async () => {
      const report = await checkInvariants(t.databaseUrl, [], new Map());
      expect(report.inconsistent).toEqual([]);
      expect(report.dossiersChecked).toBeGreaterThanOrEqual(2);
    });

    it('serves no document or attachment of them any more, and takes no update, upload or submission', async () => {
      expectProblem(
        await t.http().get(`/api/v1/dossiers/${draft}/documents/thuyet-minh.pdf`).set(as(officer)),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
      expectProblem(
        await t.http().get(`/api/v1/dossiers/${draft}/attachments/${draftAttachment}`).set(as(officer)),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
      const d = await get(draft);
      expectProblem(
        await t.http().patch(`/api/v1/dossiers/${draft}`).set(as(officer)).send({ version: d.version, levelJustification: 'x' }),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
      expectProblem(await upload(officer, draft), 422, 'STATE_SECRET_OFFLINE_DOSSIER');
      expectProblem(await act(officer, draft, 'submit', { version: d.version }), 409, 'DOSSIER_INVALID_TRANSITION');
      expectProblem(
        await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts: LEVEL3_FACTS }),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
    });
  });

  describe('a system made state-secret by an import', () => {
    // The template's own columns (the import refuses a file without its required ones).
    const HEADERS = HEADER_ROW;
    const csv = (cells: Record<string, string>) =>
      Buffer.from(`\uFEFF${HEADERS.join(';')}\r\n${HEADERS.map((h) => cells[h] ?? '').join(';')}\r\n`, 'utf8');
    const base = {
      'Mã cơ quan chủ quản': 'SL-SO-XD',
      'Mã hệ thống': 'SS-IMP',
      'Tên hệ thống': 'Hệ thống lưu trữ hồ sơ nội bộ',
      'Loại hệ thống': 'Hệ thống thông tin phục vụ hoạt động nội bộ',
      'Trạng thái': 'Đang vận hành',
    };

    it('withdraws and empties the open dossier in the import transaction', async () => {
      await t
        .http()
        .post('/api/v1/systems/import')
        .set(as(officer))
        .attach('file', csv({ ...base, 'Loại thông tin': 'Thông tin riêng' }), 'he-thong.csv')
        .expect(200);
      const [{ id: systemId }] = await t.db.query(`SELECT id FROM systems WHERE code = 'SS-IMP'`);
      const { id } = await createCompleteDossier(t, officer, systemId);
      const res = await t
        .http()
        .post('/api/v1/systems/import')
        .set(as(officer))
        .attach('file', csv({ ...base, 'Loại thông tin': 'Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)' }), 'he-thong.csv')
        .expect(200);
      expect(res.body).toMatchObject({ updated: 1 });
      const d = await get(id);
      expect(d).toMatchObject({ status: 'WITHDRAWN', attachments: [], levelJustification: '' });
      const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE action = 'DOSSIER_WITHDRAW' AND entity_id = $1`, [id]);
      expect(audit.after.removed.attachments).toHaveLength(2);
    });
  });

  describe('an approved dossier of a system that becomes state-secret', () => {
    let systemId: string;
    let id: string;

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'SS-APPROVED', 'Hệ thống quản lý hồ sơ công việc');
      id = (await createCompleteDossier(t, officer, systemId)).id;
      let d = await get(id);
      // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
      t.app.get(Clock).setFixed('2026-11-20');
      await act(officer, id, 'submit', { version: d.version }).expect(200);
      d = await get(id);
      await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
      d = await get(id);
      await act(appraiser, id, 'appraise', { version: d.version, conclusion: 'SUITABLE', opinions: 'Phù hợp' }).expect(200);
      d = await get(id);
      // Level 3: the Tờ trình, then the owner's head approves (ND331 Art. 18.2.b, 20.3.b).
      await act(officer, id, 'request-approval', { version: d.version }).expect(200);
      d = await get(id);
      await decide(t, head, id, 'approve', {
        version: d.version,
        decisionNumber: '77/QĐ-SXD',
        decisionDate: '2026-11-20',
        signerName: 'Nguyễn Văn A',
        signerTitle: 'Giám đốc Sở Xây dựng',
        level: 3,
      }).expect(200);
      t.app.get(Clock).setFixed(undefined);
      await t.http().get(`/api/v1/dossiers/${id}/documents/mau-06.pdf`).set(as(officer)).expect(200);
    });

    it('stays approved with its decision, but its documents and files are no longer served', async () => {
      const system = (await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body;
      await t
        .http()
        .patch(`/api/v1/systems/${systemId}`)
        .set(as(officer))
        .send({ version: system.version, infoTypes: ['STATE_SECRET'], systemType: 'INTERNAL' })
        .expect(200);
      const d = await get(id);
      expect(d).toMatchObject({ status: 'APPROVED', workflow: { decision: { number: '77/QĐ-SXD', level: 3 } } });
      expect((await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body).toMatchObject({
        approvedLevel: 3,
        approvalDecisionNumber: '77/QĐ-SXD',
      });
      for (const file of ['mau-06.pdf', 'mau-04.docx', 'mau-02.pdf']) {
        expectProblem(await t.http().get(`/api/v1/dossiers/${id}/documents/${file}`).set(as(leader)), 422, 'STATE_SECRET_OFFLINE_DOSSIER');
      }
      const [{ id: attachmentId }] = await t.db.query(`SELECT id FROM dossier_attachments WHERE dossier_id = $1 LIMIT 1`, [id]);
      expectProblem(
        await t.http().get(`/api/v1/dossiers/${id}/attachments/${attachmentId}`).set(as(officer)),
        422,
        'STATE_SECRET_OFFLINE_DOSSIER',
      );
    });
  });
});
