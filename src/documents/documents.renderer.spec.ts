import JSZip from 'jszip';
import { DomainError } from '../common/errors/domain-error';
import type { DocumentForm } from './document-data';
import { documentFileName, renderDocument, warmUpDocumentRenderer } from './documents.renderer';
import {
  FIXTURE_DOSSIER,
  FIXTURE_DOSSIER_NOT_SUITABLE,
  FIXTURE_NATIONAL_LIST,
  FIXTURE_NATIONAL_LIST_ND85,
  FIXTURE_PLAN_ENTRIES,
} from './fixtures';
import type { DossierDocumentData } from './document-data';

// pdf-parse's index.js reads a test PDF when it is not required by another module; the library file does not.
const pdfParse: (data: Buffer, options?: object) => Promise<{ text: string; numpages: number }> = require('pdf-parse/lib/pdf-parse.js');

interface PdfPage {
  items: { str: string; transform: number[] }[];
}

/** Text of every page, joined as pdf-parse does (items on one line glued, lines on new lines), and each page's topmost item. */
async function pdfPages(pdf: Buffer): Promise<{ text: string; pages: string[]; topItems: string[] }> {
  const pages: string[] = [];
  const topItems: string[] = [];
  await pdfParse(pdf, {
    pagerender: async (page: { getTextContent(): Promise<PdfPage> }) => {
      const { items } = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of items) {
        text += lastY === undefined || lastY === item.transform[5] ? item.str : `\n${item.str}`;
        lastY = item.transform[5];
      }
      pages.push(text);
      const top = items.filter((i) => i.str.trim()).reduce((a, b) => (b.transform[5] > a.transform[5] ? b : a));
      topItems.push(top.str.trim());
      return text;
    },
  });
  return { text: squash(pages.join('\n')), pages: pages.map(squash), topItems };
}

async function docxText(docx: Buffer): Promise<{ text: string; xml: string; styles: string }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { text: squash(text), xml, styles };
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

const COMMON = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const LEVEL_3 = ['Cổng thông tin điện tử Sở Xây dựng', 'cấp độ 3'];
const LEVEL_5 = ['Hệ thống điều khiển hồ chứa thủy điện Sơn La', 'cấp độ 5'];

/** Mẫu 03, 05 and 07 are the forms of a level-5 (national-list) dossier; the others print the level-3 portal. */
const DATA: Partial<Record<DocumentForm, DossierDocumentData>> = {
  'mau-03': { ...FIXTURE_NATIONAL_LIST, date: '2026-09-15' },
  'mau-05': { ...FIXTURE_NATIONAL_LIST, date: '2026-11-02' },
  'mau-07': FIXTURE_NATIONAL_LIST,
};
const dataFor = (form: DocumentForm) => DATA[form] ?? FIXTURE_DOSSIER;
const expectedFor = (form: DocumentForm) => [...COMMON, ...(DATA[form] ? LEVEL_5 : LEVEL_3), ...EXPECTED[form]];

const EXPECTED: Record<DocumentForm, string[]> = {
  // The annex's fixed phrases (Decree 331/2026, Phụ lục, Mẫu số 01).
  'mau-01': [
    'V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ',
    'SỞ XÂY DỰNG',
    'UBND TỈNH SƠN LA',
    'Kính gửi: Công an tỉnh Sơn La',
    'Sơn La, ngày 25 tháng 11 năm 2026',
    'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
    'Sở Xây dựng đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:',
    'Phần 1. Thông tin chung',
    'Đơn vị vận hành hệ thống thông tin: Sở Xây dựng.',
    'Địa chỉ: Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
    'Cấp độ hệ thống thông tin đề xuất: cấp độ 3.',
    'Phần 2. Hồ sơ kèm theo',
    'Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.',
    'Sở Xây dựng đề nghị Công an tỉnh Sơn La thẩm định và phê duyệt hồ sơ đề xuất cấp độ của hệ thống thông tin Cổng thông tin điện tử Sở Xây dựng',
    'Nơi nhận:',
    '- Ủy ban nhân dân tỉnh Sơn La (để báo cáo);',
    'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
    '(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
  ],
  'mau-02': [
    'SỞ XÂY DỰNG',
    'Kính gửi: Công an tỉnh Sơn La',
    'V/v đề nghị thẩm định hồ sơ đề xuất cấp độ',
    'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
    'Phần 1. Thông tin chung',
    'Địa chỉ: Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
    'Phần 2. Hồ sơ kèm theo',
    'Sở Xây dựng đề nghị Công an tỉnh Sơn La cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với Cổng thông tin điện tử Sở Xây dựng¹',
    '¹ Bổ sung đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia trường hợp hệ thống thuộc Danh mục này.',
    'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
    '(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
  ],
  'thuyet-minh': [
    'THUYẾT MINH HỒ SƠ ĐỀ XUẤT CẤP ĐỘ',
    'SỞ XÂY DỰNG',
    'I. THUYẾT MINH TỔNG QUAN VỀ HỆ THỐNG THÔNG TIN',
    'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP',
    'III. THUYẾT MINH PHƯƠNG ÁN BẢO ĐẢM AN NINH MẠNG',
    'đ) Giám sát an ninh mạng hệ thống',
    'Điều khoản TCVN',
    'Chính sách an toàn thông tin',
    '7.1.1.1',
    'Kế hoạch triển khai đến 30/06/2027',
  ],
  'mau-04': [
    'V/v ý kiến thẩm định hồ sơ đề xuất cấp độ',
    'CÔNG AN TỈNH SƠN LA',
    'BỘ CÔNG AN',
    'Kính gửi: Sở Xây dựng',
    // The request letter it answers, dated by the submission (its number is the clerk's: a dotted gap).
    'Công an tỉnh Sơn La nhận được Công văn số',
    'ngày 25 tháng 11 năm 2026 của Sở Xây dựng về việc thẩm định hồ sơ đề xuất cấp độ của hệ thống thông tin đối với Cổng thông tin điện tử Sở Xây dựng.',
    'Phần 1. Hồ sơ, tài liệu thẩm định',
    'Phần 2. Căn cứ pháp lý để thẩm định',
    'Căn cứ Luật An ninh mạng số 116/2025/QH15.',
    'Phần 3. Tổ chức thẩm định',
    'Phần 4. Ý kiến thẩm định',
    '1. Tổng hợp ý kiến thẩm định của đơn vị phối hợp theo quy định tại khoản 3 Điều 18',
    '2. Ý kiến thẩm định về sự phù hợp về việc đề xuất cấp độ theo quy định tại Điều 23',
    '3. Ý kiến khác (nếu có)',
    'Phần 5. Kết luận',
    'Hồ sơ đề xuất cấp độ hệ thống thông tin là phù hợp để theo cấp độ đề xuất (cấp độ 3).',
    'Đề nghị cơ quan Sở Xây dựng xem xét báo cáo cấp có thẩm quyền điều chỉnh',
    'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
  ],
  'mau-03': [
    'SỞ CÔNG THƯƠNG',
    'UBND TỈNH SƠN LA',
    'V/v cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ',
    'Kính gửi: Sở Khoa học và Công nghệ',
    'Sơn La, ngày 15 tháng 9 năm 2026',
    'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
    'Phần 1. Thông tin chung',
    'Đơn vị vận hành hệ thống thông tin: Sở Công Thương.',
    'Phần 2. Hồ sơ kèm theo',
    'Sở Công Thương đề nghị Sở Khoa học và Công nghệ cho ý kiến về sự phù hợp của đề xuất cấp độ và phương án bảo đảm an ninh mạng',
    'Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
    '(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
  ],
  'mau-05': [
    'TỜ TRÌNH',
    'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin',
    'SỞ CÔNG THƯƠNG',
    'Số: 15/TTr-SCT',
    'Sơn La, ngày 02 tháng 11 năm 2026',
    'Kính gửi: Ủy ban nhân dân tỉnh Sơn La',
    'Căn cứ ý kiến thẩm định hồ sơ đề xuất cấp độ của Bộ Công an;',
    'Sở Khoa học và Công nghệ, văn bản số 88/SKHCN-BCVT ngày 25/09/2026',
    'Ý kiến thẩm định của Bộ Công an (Mẫu 04)',
    'Thủ tướng Chính phủ phê duyệt Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
  ],
  'mau-06': [
    'QUYẾT ĐỊNH',
    'ỦY BAN NHÂN DÂN TỈNH SƠN LA',
    'Số: 125/QĐ-UBND',
    'Sơn La, ngày 04 tháng 12 năm 2026',
    'Về việc phê duyệt cấp độ hệ thống thông tin',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
    'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
    'Xét đề nghị của cơ quan Sở Xây dựng.',
    'Điều 1. Phê duyệt cấp độ hệ thống thông tin đối với Cổng thông tin điện tử Sở Xây dựng cụ thể như sau:',
    'c) Địa chỉ: Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
    '2. Cấp độ hệ thống thông tin: cấp độ 3.',
    'a) Phương án bảo đảm an ninh mạng trong thiết kế hệ thống thông tin tương ứng với cấp độ 3 là phù hợp với tiêu chuẩn quốc gia',
    'b) Phương án bảo đảm an ninh mạng trong quá trình vận hành hệ thống tương ứng với cấp độ 3',
    'TCVN 11930:2017',
    'theo các quy định tại Điều 33 Nghị định số 331/2026/NĐ-CP',
    'Điều 3. Điều khoản thi hành',
    'Đơn vị chuyên trách về an ninh mạng chịu trách nhiệm kiểm tra, giám sát việc thực hiện Quyết định này báo cáo cơ quan Ủy ban nhân dân tỉnh Sơn La',
    'Nguyễn Văn An',
  ],
  'mau-07': [
    'QUYẾT ĐỊNH',
    'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin',
    'ỦY BAN NHÂN DÂN TỈNH SƠN LA',
    'Số: 310/QĐ-UBND',
    'Sơn La, ngày 10 tháng 11 năm 2026',
    'Căn cứ Nghị định số 331/2026/NĐ-CP',
    'Xét đề nghị của Sở Công Thương tại Tờ trình số 15/TTr-SCT ngày 02/11/2026.',
    'Điều 1.',
    'Phê duyệt phương án bảo đảm an ninh mạng đối với hệ thống thông tin',
    'trong thiết kế hệ thống thông tin tương ứng với cấp độ 5 là phù hợp với Tiêu chuẩn quốc gia TCVN 11930:2017',
    'theo các quy định tại Điều 33 Nghị định số 331/2026/NĐ-CP',
    'Sở Khoa học và Công nghệ (đơn vị chuyên trách về an ninh mạng) chịu trách nhiệm kiểm tra, giám sát',
    'CHỦ TỊCH',
    'Lò Minh Hùng',
  ],
};

describe('renderDocument', () => {
  describe.each(Object.keys(EXPECTED) as DocumentForm[])('%s', (form) => {
    it('renders a PDF whose text carries the Vietnamese wording with its diacritics', async () => {
      const pdf = await renderDocument(form, dataFor(form), 'pdf');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text } = await pdfPages(pdf);
      for (const expected of expectedFor(form)) expect(text).toContain(expected);
    });

    it('renders a DOCX whose document.xml carries the same wording', async () => {
      const docx = await renderDocument(form, dataFor(form), 'docx');
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
      const { text, styles } = await docxText(docx);
      for (const expected of expectedFor(form)) expect(text).toContain(expected);
      expect(styles).toContain('Times New Roman');
    });
  });

  it('prints the whole requirement table of the thuyết minh, header repeated on every page, numbers from page 2', async () => {
    const pdf = await renderDocument('thuyet-minh', FIXTURE_DOSSIER, 'pdf');
    const { text, pages, topItems } = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    for (const entry of [FIXTURE_PLAN_ENTRIES[0], FIXTURE_PLAN_ENTRIES[30], FIXTURE_PLAN_ENTRIES[FIXTURE_PLAN_ENTRIES.length - 1]]) {
      expect(text).toContain(squash(entry.title));
    }
    expect(text).toMatch(new RegExp(`${FIXTURE_PLAN_ENTRIES.length}\\s*${FIXTURE_PLAN_ENTRIES[FIXTURE_PLAN_ENTRIES.length - 1].title}`));
    // Every page the table runs over starts with its header row again.
    const tablePages = pages.filter((p) => p.includes(squash(FIXTURE_PLAN_ENTRIES[20].description)) || p.includes('Đã triển khai'));
    expect(tablePages.length).toBeGreaterThan(2);
    for (const page of tablePages.slice(1)) expect(page).toContain('Điều khoản TCVN');
    // Page numbers: none on page 1, then "2", "3"… at the top.
    expect(topItems[0]).toBe('UBND TỈNH SƠN LA');
    topItems.slice(1).forEach((item, i) => expect(item).toBe(String(i + 2)));
  });

  it('prints the unsuitable points of a "chưa phù hợp" appraisal', async () => {
    const { text } = await pdfPages(await renderDocument('mau-04', FIXTURE_DOSSIER_NOT_SUITABLE, 'pdf'));
    expect(text).toContain('chưa phù hợp');
    expect(text).toContain('Chưa ban hành quy chế bảo đảm an ninh mạng của hệ thống');
  });

  it('repeats the table header row and keeps the Decree 30 margins in the DOCX', async () => {
    const { xml } = await docxText(await renderDocument('thuyet-minh', FIXTURE_DOSSIER, 'docx'));
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
  });

  it('never breaks a date across two lines (Decree 30/2020: the date is one unit; no-break spaces in PDF and DOCX)', async () => {
    const DATE = 'ngày 25 tháng 11 năm 2026';
    let atLineEdge = 0;
    // The appraiser's name before the date in Mẫu 04's opening sentence moves the date along the line.
    for (let k = 0; k < 14; k++) {
      const appraiser = { name: `Công an tỉnh Sơn La${' và Phòng An ninh mạng'.repeat(k % 3)}${' A'.repeat(k)}`, code: 'SL-CA' };
      const data = { ...FIXTURE_DOSSIER, appraisal: { ...FIXTURE_DOSSIER.appraisal!, appraiser } };
      const { text } = await pdfParse(await renderDocument('mau-04', data, 'pdf'));
      const lines = text.split('\n').map((l) => squash(l).trim());
      const line =
        lines.find((l) => l.includes('ngày 25') && l.includes('của Sở Xây dựng')) ??
        lines.find((l) => l.includes('Công văn số') || l.includes('ngày 25 tháng'));
      const starts = lines.filter((l) => /\bngày 25\b/.test(l) && !l.startsWith('Sơn La'));
      for (const l of starts) expect(l).toContain(DATE);
      expect(line).toBeDefined();
      if (starts.some((l) => l.startsWith('ngày 25') || l.endsWith('2026'))) atLineEdge++;
    }
    // At least one placement put the date at the start or the end of a line: the check above could have failed.
    expect(atLineEdge).toBeGreaterThan(0);
    const { xml } = await docxText(await renderDocument('mau-04', FIXTURE_DOSSIER, 'docx'));
    expect(xml).toContain('ngày\u00a025\u00a0tháng\u00a011\u00a0năm\u00a02026');
  });

  it('refuses Mẫu 06 before there is a decision', async () => {
    const missing = renderDocument('mau-06', { ...FIXTURE_DOSSIER, decision: undefined }, 'pdf');
    await expect(missing).rejects.toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    await expect(missing).rejects.toThrow(/quyết định phê duyệt cấp độ/);
  });

  it.each(['mau-03', 'mau-05', 'mau-07'] as const)(
    'prints %s of a Decree 85 dossier with the Decree 85 bases and wording (Law 86/2015 before 01/07/2026: Law 116/2025 Art. 44)',
    async (form) => {
      const before = { ...FIXTURE_NATIONAL_LIST_ND85, lawBasis: 'Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015' };
      const { text } = await docxText(await renderDocument(form, before, 'docx'));
      expect(text).toContain('Căn cứ Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015;');
      const after = await docxText(await renderDocument(form, FIXTURE_NATIONAL_LIST_ND85, 'docx'));
      expect(after.text).toContain('Căn cứ Luật An ninh mạng số 116/2025/QH15;');
      expect(after.text).not.toContain('Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015');
      expect(text).toContain('Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016');
      expect(text).toContain('Căn cứ Thông tư số 12/2022/TT-BTTTT');
      expect(text).toContain('an toàn thông tin');
      expect(text).not.toContain('an ninh mạng số 116/2025/QH15');
      expect(text).not.toContain('331/2026');
    },
  );

  it('Mẫu 05 of a level 3 dossier asks the owner to approve the level, without the professional opinion', async () => {
    const { text } = await docxText(
      await renderDocument('mau-05', { ...FIXTURE_DOSSIER, approvalRequest: { submittedOn: '2026-12-01' } }, 'docx'),
    );
    expect(text).toContain('Về việc phê duyệt đề xuất cấp độ');
    expect(text).toContain('Sở Xây dựng trình Ủy ban nhân dân tỉnh Sơn La xem xét, quyết định phê duyệt đề xuất cấp độ');
    expect(text).toContain('Số: ……/TTr-……');
    expect(text).not.toContain('Ý kiến về mặt chuyên môn');
  });

  it('Mẫu 02 of a level 5 dossier is sent in the owner’s name, with the request for the List', async () => {
    const { text } = await docxText(await renderDocument('mau-02', FIXTURE_NATIONAL_LIST, 'docx'));
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH SƠN LA');
    expect(text).toContain('Ủy ban nhân dân tỉnh Sơn La đề nghị Bộ Công an cho ý kiến thẩm định');
    expect(text).toContain('đồng thời đề nghị đưa hệ thống thông tin vào Danh mục');
    expect(text).toContain('Ý kiến về mặt chuyên môn của đơn vị chuyên trách');
    expect(text).not.toContain('(để báo cáo)');
  });

  it('refuses Mẫu 03 without the specialised unit and Mẫu 07 before the plan decision', async () => {
    await expect(renderDocument('mau-03', { ...FIXTURE_NATIONAL_LIST, specialisedUnit: undefined }, 'pdf')).rejects.toThrow(
      /đơn vị chuyên trách/,
    );
    await expect(renderDocument('mau-07', { ...FIXTURE_NATIONAL_LIST, planDecision: undefined }, 'pdf')).rejects.toMatchObject({
      code: 'DOSSIER_INCOMPLETE',
    });
  });

  it('warms up without data', async () => {
    await expect(warmUpDocumentRenderer()).resolves.toBeUndefined();
  });

  it('throws NOT_FOUND for an unknown form', async () => {
    const unknown = 'mau-09' as DocumentForm;
    await expect(renderDocument(unknown, FIXTURE_DOSSIER, 'pdf')).rejects.toThrow(DomainError);
    await expect(renderDocument(unknown, FIXTURE_DOSSIER, 'pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => documentFileName(unknown, FIXTURE_DOSSIER, 'pdf')).toThrow(DomainError);
  });
});

describe('documentFileName', () => {
  it.each([
    ['mau-01', 'pdf', 'mau-01-de-nghi-tham-dinh-phe-duyet-CONG-TTDT.pdf'],
    ['mau-02', 'pdf', 'mau-02-de-nghi-tham-dinh-CONG-TTDT.pdf'],
    ['thuyet-minh', 'docx', 'thuyet-minh-ho-so-de-xuat-cap-do-CONG-TTDT.docx'],
    ['mau-04', 'docx', 'mau-04-y-kien-tham-dinh-CONG-TTDT.docx'],
    ['mau-06', 'pdf', 'mau-06-quyet-dinh-phe-duyet-cap-do-CONG-TTDT.pdf'],
    ['mau-03', 'pdf', 'mau-03-xin-y-kien-chuyen-mon-CONG-TTDT.pdf'],
    ['mau-05', 'docx', 'mau-05-to-trinh-phe-duyet-CONG-TTDT.docx'],
    ['mau-07', 'pdf', 'mau-07-quyet-dinh-phe-duyet-phuong-an-CONG-TTDT.pdf'],
  ] as const)('%s as %s is %s', (form, format, name) => {
    expect(documentFileName(form, FIXTURE_DOSSIER, format)).toBe(name);
  });

  it('folds a Vietnamese system code to ASCII', () => {
    const data = { ...FIXTURE_DOSSIER, system: { ...FIXTURE_DOSSIER.system, code: 'Cổng TTĐT/Sở XD' } };
    expect(documentFileName('mau-02', data, 'docx')).toBe('mau-02-de-nghi-tham-dinh-Cong-TTDT-So-XD.docx');
  });
});
