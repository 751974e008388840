import { Clock } from '../src/common/clock';
import JSZip from 'jszip';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { createAgencyHead, decide } from './support/procedure-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** One line per PDF line, white space (the no-break spaces of dates too) as single spaces. */
const lines = (text: string) => text.split('\n').map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim());
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');
const longDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
};
const vietnamDay = (at: Date | string) => new Date(new Date(at).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Issue 19 point 6: the forms as Decree 331's annex words them, dated by their acts, placed where their issuer sits. */
describe('forms as the annex words them (Decree 331/2026 annex, Decree 30/2020 layout)', () => {
  let t: TestApp;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const download = (token: string, id: string, file: string) =>
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
  const pdfText = async (token: string, id: string, file: string) => {
    const res = await download(token, id, file).expect(200);
    return (await pdfParse(res.body)).text;
  };
  const docxText = async (token: string, id: string, file: string) => {
    const res = await download(token, id, file).expect(200);
    const xml = await (await JSZip.loadAsync(res.body)).file('word/document.xml')!.async('string');
    return { xml, text: oneLine(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')) };
  };
  const act = async (token: string, id: string, action: string, body: object = {}) => {
    const d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(token))).body;
    await t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/${action}`)
      .set(as(token))
      .send({ version: d.version, ...body })
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a level 3 dossier: Mẫu 02, 04 and 06 in the annex’s words, each dated by its act, none copied to its own issuer', async () => {
    const head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.wording.sl-so-xd', 'Giám đốc Sở Xây dựng');
    const [officer, appraiser] = await Promise.all(['canbo.sl-so-xd', 'thamdinh'].map((u) => t.login(u)));
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WORDING-3', 'Cổng dịch vụ công Sở Xây dựng');
    const { id } = await createCompleteDossier(t, officer, systemId);
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-26');
    await act(officer, id, 'submit');
    const [{ submitted_at: submittedAt }] = await t.db.query(`SELECT submitted_at FROM dossiers WHERE id = $1`, [id]);
    await act(appraiser, id, 'start-appraisal');
    await act(appraiser, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.' });
    await act(officer, id, 'request-approval');
    const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer))).body;
    await decide(t, head, id, 'approve', {
      version,
      decisionNumber: '131/QĐ-SXD',
      decisionDate: '2026-11-26',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'Giám đốc Sở Xây dựng',
      level: 3,
    }).expect(200);
    t.app.get(Clock).setFixed(undefined);

    // Mẫu 02 of the approved dossier: dated by its submission, not by the decision or today. The submission is moved
    // a week back so that "today" could not pass for it.
    const earlier = new Date(new Date(submittedAt).getTime() - 7 * 86_400_000);
    await t.adminQuery(`UPDATE dossiers SET submitted_at = $2 WHERE id = $1`, [id, earlier]);
    const request = await pdfText(officer, id, 'mau-02.pdf');
    const submitted = longDate(vietnamDay(earlier));
    expect(submitted).not.toBe(longDate(vietnamDay(new Date())));
    expect(oneLine(request)).toContain(`Sơn La, ${submitted}`);
    for (const phrase of [
      'V/v đề nghị thẩm định hồ sơ đề xuất cấp độ',
      'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
      'Phần 1. Thông tin chung',
      'Đơn vị vận hành hệ thống thông tin: Sở Xây dựng.',
      'Địa chỉ:',
      'Cấp độ hệ thống thông tin đề xuất: cấp độ 3.',
      'Phần 2. Hồ sơ kèm theo',
      'Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.',
      'cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với Cổng dịch vụ công Sở Xây dựng',
      'Bổ sung đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
      'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
      '(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
    ])
      expect(oneLine(request)).toContain(phrase);
    // The operating unit owns the system: "Nơi nhận" never sends the letter to its own issuer.
    expect(oneLine(request)).not.toContain('- Sở Xây dựng');

    const opinion = oneLine(await pdfText(appraiser, id, 'mau-04.pdf'));
    for (const phrase of [
      'V/v ý kiến thẩm định hồ sơ đề xuất cấp độ',
      'Kính gửi: Sở Xây dựng',
      `nhận được Công văn số`,
      `${submitted} của Sở Xây dựng về việc thẩm định hồ sơ đề xuất cấp độ`,
      'Phần 2. Căn cứ pháp lý để thẩm định',
      'Phần 4. Ý kiến thẩm định',
      '1. Tổng hợp ý kiến thẩm định của đơn vị phối hợp',
      '2. Ý kiến thẩm định về sự phù hợp về việc đề xuất cấp độ',
      'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.',
      '3. Ý kiến khác (nếu có)',
      'Phần 5. Kết luận',
    ])
      expect(opinion).toContain(phrase);

    // Mẫu 06: dated 26/11/2026, after 01/07/2026, so it cites Law 116/2025 and not Law 86/2015 (Law 116 Art. 44.2).
    const { text: decision, xml } = await docxText(appraiser, id, 'mau-06.docx');
    for (const phrase of [
      'QUYẾT ĐỊNH',
      'Về việc phê duyệt cấp độ hệ thống thông tin',
      'GIÁM ĐỐC SỞ XÂY DỰNG',
      'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
      'Xét đề nghị của cơ quan Sở Xây dựng.',
      'c) Địa chỉ:',
      'là phù hợp với tiêu chuẩn quốc gia',
      'quy chuẩn kỹ thuật quốc gia',
      'Phương án bảo đảm an ninh mạng trong quá trình vận hành hệ thống tương ứng với cấp độ 3',
      'Đơn vị chuyên trách về an ninh mạng chịu trách nhiệm kiểm tra, giám sát việc thực hiện Quyết định này',
    ])
      expect(decision).toContain(phrase);
    expect(decision).not.toContain('Luật An toàn thông tin mạng');
    expect(decision).toContain('Sơn La, ngày 26 tháng 11 năm 2026');
    // The date's spaces are no-break spaces, so Word never breaks it either.
    expect(xml).toContain('ngày\u00a026\u00a0tháng\u00a011\u00a0năm\u00a02026');
    expect(decision).not.toMatch(/Nơi nhận: - Như Điều 3; - Sở Xây dựng;/);
  });

  it('a commune’s documents name the commune, not the province, and a date never breaks across lines', async () => {
    const officer = await t.login('canbo.sl-x-quynhnhai');
    const systemId = await createSystem(t, officer, 'SL-X-QUYNHNHAI', 'WORDING-XA', 'Hệ thống quản lý văn bản xã Quỳnh Nhai');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const text = await pdfText(officer, id, 'mau-01.pdf');
    const placeLine = lines(text).find((l) => /, ngày \d\d tháng/.test(l));
    expect(placeLine).toMatch(/^Quỳnh Nhai, ngày \d\d tháng \d{1,2} năm \d{4}$/);
    expect(oneLine(text)).not.toContain('Sơn La, ngày');
    for (const phrase of [
      'V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ',
      'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
      'đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:',
      'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
    ])
      expect(oneLine(text)).toContain(phrase);
    // Every "ngày dd" in the PDF has its month and year on the same line.
    for (const line of lines(text).filter((l) => /ngày \d\d\b/.test(l) && /tháng/.test(l)))
      expect(line).toMatch(/ngày \d\d tháng \d{1,2} năm \d{4}/);
    for (const line of lines(text)) expect(line).not.toMatch(/(\bngày|\btháng|tháng \d{1,2} năm)$/);
  });
});
