import { Clock } from '../src/common/clock';
import JSZip from 'jszip';
import { createCompleteDossier, createSystem } from './support/dossier-fixtures';
import { createAgencyHead, decide } from './support/procedure-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** PDF text extraction can split words across runs; compare without whitespace. */
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

describe('official forms of a dossier, as PDF and DOCX', () => {
  let t: TestApp;
  let officer: string;
  let appraiser: string;
  let otherOfficer: string;
  let head: string;
  let id: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const download = (token: string, file: string) =>
    t
      .http()
      .get(`/api/v1/dossiers/${id}/documents/${file}`)
      .set(as(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const act = async (token: string, action: string, body: object = {}) => {
    const d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer))).body;
    await t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/${action}`)
      .set(as(token))
      .send({ version: d.version, ...body })
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.sl-so-xd', 'Giám đốc Sở Xây dựng');
    [officer, appraiser, otherOfficer] = await Promise.all(['canbo.sl-so-xd', 'thamdinh', 'canbo.sl-so-yt'].map((u) => t.login(u)));
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'MOT-CUA', 'Hệ thống một cửa điện tử Sở Xây dựng');
    id = (await createCompleteDossier(t, officer, systemId)).id;
  });
  afterAll(() => t.close());

  it('Mẫu 02 (level 3) in Vietnamese with the agency, the system and the level', async () => {
    const res = await download(officer, 'mau-02.pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?mau-02/);
    const text = squash((await pdfParse(res.body)).text);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Sở Xây dựng',
      'Hệ thống một cửa điện tử Sở Xây dựng',
      'cấp độ 3',
      'Công an tỉnh Sơn La',
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('the explanatory report lists every requirement of the plan, also as an editable DOCX', async () => {
    const pdf = await download(officer, 'thuyet-minh.pdf');
    expect(pdf.status).toBe(200);
    const text = squash((await pdfParse(pdf.body)).text);
    expect(text).toContain(squash('Hệ thống một cửa điện tử Sở Xây dựng'));
    expect(text).toContain(squash('Điều 13'));
    const docx = await download(officer, 'thuyet-minh.docx');
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    const words = squash(xml.replace(/<[^>]+>/g, ''));
    expect(words).toContain(squash('Sở Xây dựng'));
    expect(words).toContain(squash('Hệ thống một cửa điện tử Sở Xây dựng'));
  });

  it('refuses the wrong request form, and Mẫu 04 / 06 before appraisal and approval', async () => {
    expectProblem(await download(officer, 'mau-01.pdf'), 409, 'DOCUMENT_NOT_AVAILABLE');
    expectProblem(await download(officer, 'mau-04.pdf'), 409, 'DOCUMENT_NOT_AVAILABLE');
    expectProblem(await download(officer, 'mau-06.docx'), 409, 'DOCUMENT_NOT_AVAILABLE');
    expectProblem(await download(officer, 'mau-99.pdf'), 404, 'NOT_FOUND');
    expectProblem(await download(officer, 'mau-02.exe'), 404, 'NOT_FOUND');
    expectProblem(await download(otherOfficer, 'mau-02.pdf'), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`/api/v1/dossiers/${id}/documents/mau-02.pdf`), 401, 'UNAUTHENTICATED');
  });

  it('after appraisal and the owner’s approval: the appraisal opinion (Mẫu 04) and the decision (Mẫu 06)', async () => {
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-26');
    await act(officer, 'submit');
    await act(appraiser, 'start-appraisal');
    await act(appraiser, 'appraise', { conclusion: 'SUITABLE', opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.' });
    // Level 3: the Tờ trình (Mẫu 05), then the owner's head approves (ND331 Art. 18.2.b, 20.3.b), not Công an tỉnh.
    await act(officer, 'request-approval');
    const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer))).body;
    await decide(t, head, id, 'approve', {
      version,
      decisionNumber: '125/QĐ-SXD',
      decisionDate: '2026-11-26',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'Giám đốc Sở Xây dựng',
      level: 3,
    }).expect(200);
    t.app.get(Clock).setFixed(undefined);
    const opinion = squash((await pdfParse((await download(appraiser, 'mau-04.pdf')).body)).text);
    expect(opinion).toContain(squash('phù hợp'));
    const decision = await download(appraiser, 'mau-06.pdf');
    expect(decision.status).toBe(200);
    const text = squash((await pdfParse(decision.body)).text);
    for (const expected of ['QUYẾT ĐỊNH', '125/QĐ-SXD', 'Hệ thống một cửa điện tử Sở Xây dựng', 'cấp độ 3', 'Nguyễn Văn Hùng'])
      expect(text).toContain(squash(expected));
  });
});
