import JSZip from 'jszip';
import { todayInVietnam } from '../src/common/dates';
import { formatLongDate } from '../src/documents/form-template.helpers';
import { createCompleteDossier, createSystem } from './support/dossier-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** PDF text extraction can split words across runs; compare without whitespace. */
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/**
 * Mẫu 03, 05 and 07 of Decree 331/2026 (and Mẫu 02 in the owner's name) for the procedures of levels 4–5 and the List
 * of systems important to national security. The dossier is put into each stage with SQL: the workflow that gets it
 * there has its own e2e; here we check what each form prints and when it is refused.
 */
describe('forms of the level 4–5 and national-list procedure (Mẫu 03, 05, 07)', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let otherProvince: string;
  let id: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const download = (token: string, file: string, dossierId = id) =>
    t
      .http()
      .get(`/api/v1/dossiers/${dossierId}/documents/${file}`)
      .set(as(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const pdfText = async (file: string) => {
    const res = await download(officer, file);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    return squash((await pdfParse(res.body)).text);
  };
  const docxText = async (file: string) => {
    const res = await download(officer, file);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.body)).file('word/document.xml')!.async('string');
    return squash(xml.replace(/<[^>]+>/g, ''));
  };
  const expectAll = (text: string, expected: string[]) => {
    for (const e of expected) expect(text).toContain(squash(e));
  };
  const refused = async (file: string, reason: string) => {
    const body = expectProblem(await download(officer, file), 409, 'DOCUMENT_NOT_AVAILABLE');
    expect(body.detail).toContain(reason);
  };
  const set = (sql: string, params: unknown[] = []) => t.adminQuery(`UPDATE dossiers SET ${sql} WHERE id = $1`, [id, ...params]);

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer] = await Promise.all(['canbo.sl-so-xd', 'canbo.sl-so-yt'].map((u) => t.login(u)));
    const admin = await t.login('admin');
    await t
      .http()
      .post('/api/v1/agencies')
      .set(as(admin))
      .send({ code: 'LC-SO-XD', name: 'Sở Xây dựng tỉnh Lào Cai', kind: 'department', provinceCode: 'LC' })
      .expect(201);
    await t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'canbo.lc-so-xd', password_hash, 'Cán bộ Lào Cai', 'AGENCY_OFFICER', (SELECT id FROM agencies WHERE code = 'LC-SO-XD') FROM users WHERE username = 'admin'`,
    );
    otherProvince = await t.login('canbo.lc-so-xd');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'DK-DIEU-TIET', 'Hệ thống điều tiết nước hồ chứa');
    id = (await createCompleteDossier(t, officer, systemId)).id;
    // The province owns the system, Sở Xây dựng operates it, Sở Khoa học và Công nghệ is the owner's specialised unit.
    await set(
      `owner_agency_id = (SELECT id FROM agencies WHERE code = 'SL-UBND'),
       specialised_unit_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-KHCN'), specialised_unit_name = 'Sở Khoa học và Công nghệ'`,
    );
  });
  afterAll(() => t.close());

  it('a level 3 dossier has no Mẫu 03 (điểm d khoản 1 Điều 20), no Mẫu 05 before its appraisal, no Mẫu 07', async () => {
    await refused('mau-03.pdf', 'Mẫu 03 chỉ dùng cho hệ thống đề xuất cấp độ 4, 5');
    await refused('mau-03.docx', 'điểm d khoản 1 Điều 20 Nghị định 331/2026/NĐ-CP');
    await refused('mau-05.pdf', 'chỉ lập sau khi hồ sơ được thẩm định là phù hợp');
    await refused('mau-07.pdf', 'Mẫu 07 chỉ dùng cho hệ thống cấp độ 5');
  });

  it('a level 4 dossier has Mẫu 03 while drafting, dated today, and sends Mẫu 02 in the owner’s name', async () => {
    await set(`proposed_level = 4`);
    expectAll(await docxText('mau-03.docx'), [
      'Kính gửi: Sở Khoa học và Công nghệ',
      'Cấp độ hệ thống thông tin đề xuất: cấp độ 4',
      formatLongDate(todayInVietnam()),
    ]);
    expectAll(await docxText('mau-02.docx'), ['UBND tỉnh Sơn La đề nghị']);
    await set(`proposed_level = 3`);
  });

  it('a level 1–2 dossier has no Tờ trình: the specialised unit approves (khoản 1 Điều 18)', async () => {
    await set(`proposed_level = 2, status = 'APPRAISED', appraisal = $2`, [
      {
        conclusion: 'SUITABLE',
        opinions: 'Phù hợp.',
        reasons: [],
        revision: 1,
        appraiserName: 'x',
        appraisedBy: 'x',
        appraisedAt: '2026-11-20T03:00:00Z',
      },
    ]);
    await refused('mau-05.pdf', 'cấp độ 1, 2 do đơn vị chuyên trách phê duyệt, không lập Tờ trình');
    await set(`proposed_level = 3, status = 'DRAFT', appraisal = NULL`);
  });

  it('Mẫu 03 of a system on the List, dated the day the opinion was asked, to the specialised unit', async () => {
    await set(`national_listing = $2, opinion_request = $3, status = 'AWAITING_OPINION'`, [
      { requestNumber: '2150/UBND-KT', requestDate: '2026-11-05', requestedBy: null, decisionNumber: null, decisionDate: null },
      { requestedOn: '2026-11-20', unitName: 'Sở Khoa học và Công nghệ' },
    ]);
    const expected = [
      'SỞ XÂY DỰNG',
      'V/v cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ',
      'Kính gửi: Sở Khoa học và Công nghệ',
      'Sơn La, ngày 20 tháng 11 năm 2026',
      'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
      'Hệ thống điều tiết nước hồ chứa',
      'Phần 2. Hồ sơ kèm theo',
      'Sở Xây dựng đề nghị Sở Khoa học và Công nghệ cho ý kiến về sự phù hợp của đề xuất cấp độ và phương án bảo đảm an ninh mạng',
      'Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
    ];
    expectAll(await pdfText('mau-03.pdf'), expected);
    expectAll(await docxText('mau-03.docx'), expected);
  });

  it('Mẫu 02 of a system on the List is sent in the owner’s name (điểm d khoản 1 Điều 20)', async () => {
    await set(`status = 'OPINION_GIVEN', expert_opinion = $2`, [
      { unit: 'Sở Khoa học và Công nghệ', summary: 'Phù hợp.', date: '2026-11-27', number: '88/SKHCN-BCVT', conclusion: 'SUITABLE' },
    ]);
    const text = await docxText('mau-02.docx');
    expectAll(text, [
      'UBND TỈNH SƠN LA',
      'UBND tỉnh Sơn La đề nghị',
      'Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an ninh mạng của chủ quản hệ thống thông tin',
      'đồng thời đề nghị đưa hệ thống thông tin vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
    ]);
    expect(text).not.toContain(squash('Sở Xây dựng đề nghị'));
  });

  it('Mẫu 05 once appraised as suitable: the Tờ trình to the owner, dated when submitted, listing the opinions', async () => {
    await refused('mau-05.pdf', 'hồ sơ đang ở trạng thái “Đã có ý kiến chuyên môn”');
    await set(
      `status = 'AWAITING_APPROVAL', appraiser_agency_id = NULL, appraiser_name = 'Bộ Công an', appraisal = $2, approval_request = $3`,
      [
        {
          conclusion: 'SUITABLE',
          opinions: 'Hồ sơ đầy đủ, đề xuất phù hợp.',
          reasons: [],
          revision: 1,
          appraiserName: 'Bộ Công an',
          appraisedBy: 'x',
          appraisedAt: '2026-12-01T03:00:00Z',
        },
        { submittedOn: '2026-12-03', number: '15/TTr-SXD' },
      ],
    );
    const expected = [
      'TỜ TRÌNH',
      'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin',
      'Số: 15/TTr-SXD',
      'Sơn La, ngày 03 tháng 12 năm 2026',
      'Kính gửi: UBND tỉnh Sơn La',
      'Căn cứ ý kiến thẩm định hồ sơ đề xuất cấp độ của Bộ Công an;',
      'Sở Khoa học và Công nghệ, văn bản số 88/SKHCN-BCVT ngày 27/11/2026',
      'Ý kiến thẩm định của Bộ Công an (Mẫu 04)',
      'Sở Xây dựng trình UBND tỉnh Sơn La xem xét, quyết định phê duyệt phương án bảo đảm an ninh mạng',
    ];
    expectAll(await pdfText('mau-05.pdf'), expected);
    expectAll(await docxText('mau-05.docx'), expected);
  });

  it('Mẫu 07: the owner’s decision approving the plan; never Mẫu 06 on the List (điểm d, đ khoản 3 Điều 18)', async () => {
    await refused('mau-07.pdf', 'Chủ quản chưa phê duyệt phương án bảo đảm an ninh mạng');
    await set(`status = 'AWAITING_LISTING', plan_decision = $2`, [
      {
        number: '310/QĐ-UBND',
        date: '2026-12-05',
        signerName: 'Lò Minh Hùng',
        signerTitle: 'Chủ tịch',
        issuer: 'UBND tỉnh Sơn La',
        revision: 1,
        approvedBy: 'x',
      },
    ]);
    const expected = [
      'QUYẾT ĐỊNH',
      'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin',
      'UBND TỈNH SƠN LA',
      'Số: 310/QĐ-UBND',
      'Sơn La, ngày 05 tháng 12 năm 2026',
      'Xét đề nghị của Sở Xây dựng tại Tờ trình số 15/TTr-SXD ngày 03/12/2026.',
      'Phê duyệt phương án bảo đảm an ninh mạng đối với hệ thống thông tin “Hệ thống điều tiết nước hồ chứa”',
      'tương ứng với cấp độ 3 là phù hợp với',
      'theo các quy định tại Điều 33 Nghị định số 331/2026/NĐ-CP',
      'Sở Khoa học và Công nghệ (đơn vị chuyên trách về an ninh mạng) chịu trách nhiệm kiểm tra, giám sát',
      'CHỦ TỊCH',
      'Lò Minh Hùng',
    ];
    expectAll(await pdfText('mau-07.pdf'), expected);
    expectAll(await docxText('mau-07.docx'), expected);
    await set(`decision = $2`, [
      { number: '1/QĐ', date: '2026-12-05', signerName: 'A', signerTitle: 'B', level: 3, issuer: 'C', revision: 1, approvedBy: 'x' },
    ]);
    await refused('mau-06.pdf', 'không phê duyệt cấp độ bằng Mẫu 06');
    await set(`decision = NULL`);
  });

  it('a Decree 85 dossier prints the same forms with the Decree 85 bases and "an toàn thông tin"', async () => {
    // Under Decree 85 the List is not Decree 331's: the level-5 procedure applies to level 5 only. A decision dated
    // 05/12/2026 cites Law 116/2025, in force since 01/07/2026 (its Art. 44), not Law 86/2015.
    await set(`regime = 'ND85', proposed_level = 5`);
    const text = await docxText('mau-07.docx');
    expect(text).not.toContain(squash('Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015'));
    expectAll(text, [
      'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
      'Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016',
      'Căn cứ Thông tư số 12/2022/TT-BTTTT',
      'Về việc phê duyệt phương án bảo đảm an toàn thông tin hệ thống thông tin',
    ]);
    expect(text).not.toContain(squash('331/2026'));
    expectAll(await docxText('mau-03.docx'), ['Căn cứ Nghị định số 85/2016/NĐ-CP', 'phương án bảo đảm an toàn thông tin']);
    await set(`regime = 'ND331', proposed_level = 3`);
  });

  it('another agency and another province see none of it; no token, no document', async () => {
    for (const file of ['mau-03.pdf', 'mau-05.docx', 'mau-07.pdf']) {
      expectProblem(await download(otherOfficer, file), 404, 'NOT_FOUND');
      expectProblem(await download(otherProvince, file), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`/api/v1/dossiers/${id}/documents/${file}`), 401, 'UNAUTHENTICATED');
    }
    expectProblem(await download(officer, 'mau-08.pdf'), 404, 'NOT_FOUND');
  });
});
