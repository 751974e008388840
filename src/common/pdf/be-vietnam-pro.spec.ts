import PDFDocument from 'pdfkit';
import { LAYOUT_CACHE_WORDS, registerBeVietnamPro, registerTinos, sharedStateOf } from './be-vietnam-pro';

// pdf-parse's index.js reads a test PDF when it is not required by another module; the library file does not.
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

function render(lines: { face: 'regular' | 'bold' | 'italic'; text: string }[]): { doc: PDFKit.PDFDocument; pdf: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', font: '' });
  registerBeVietnamPro(doc, ['regular', 'bold', 'italic']);
  const chunks: Buffer[] = [];
  const pdf = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const line of lines) doc.font(line.face).fontSize(12).text(line.text);
  doc.end();
  return { doc, pdf };
}

const fontsOf = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/FontName \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]);
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('Be Vietnam Pro for pdfkit', () => {
  it('parses each face once per process and keeps its shaped words: every later document draws with the same', () => {
    const first = render([{ face: 'regular', text: 'a' }]);
    const second = render([{ face: 'regular', text: 'b' }]);
    const third = render([{ face: 'bold', text: 'c' }]);
    const font = (doc: PDFKit.PDFDocument, face: 'regular' | 'bold') => sharedStateOf(doc, face).font;
    const words = (doc: PDFKit.PDFDocument, face: 'regular' | 'bold') => sharedStateOf(doc, face).layoutCache;
    expect(font(first.doc, 'regular')).toBeDefined();
    expect(font(second.doc, 'regular')).toBe(font(first.doc, 'regular'));
    expect(font(third.doc, 'bold')).toBe(font(second.doc, 'bold'));
    expect(font(third.doc, 'bold')).not.toBe(font(third.doc, 'regular'));
    expect(words(second.doc, 'regular')).toBe(words(first.doc, 'regular'));
    expect(Object.keys(words(third.doc, 'regular')!)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(words(third.doc, 'bold')).not.toBe(words(third.doc, 'regular'));
  });

  it("starts a face's shaped words afresh once they pass the limit", () => {
    const before = sharedStateOf(render([{ face: 'italic', text: 'x' }]).doc, 'italic').layoutCache!;
    const perDocument = 500;
    let after = before;
    for (let n = 0; n < 2 * Math.ceil(LAYOUT_CACHE_WORDS / perDocument) && after === before; n++) {
      const text = Array.from({ length: perDocument }, (_, i) => `từ${n * perDocument + i}`).join(' ');
      after = sharedStateOf(render([{ face: 'italic', text }]).doc, 'italic').layoutCache!;
    }
    expect(after).not.toBe(before);
    expect(Object.keys(before).length).toBeGreaterThan(LAYOUT_CACHE_WORDS);
    expect(Object.keys(after).length).toBeLessThanOrEqual(LAYOUT_CACHE_WORDS);
  });

  it('gives each document its own subset: text another document never used still extracts with its diacritics', async () => {
    const a = await render([{ face: 'regular', text: 'Sở Xây dựng' }]).pdf;
    const b = await render([
      { face: 'bold', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
      { face: 'regular', text: 'Độc lập - Tự do - Hạnh phúc' },
      { face: 'italic', text: 'Sơn La, ngày 06 tháng 12 năm 2026' },
    ]).pdf;
    const c = await render([{ face: 'regular', text: 'Ủy ban nhân dân xã Mường Ảng' }]).pdf;
    expect(squash((await pdfParse(a)).text)).toBe('Sở Xây dựng');
    expect(squash((await pdfParse(b)).text)).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Sơn La, ngày 06 tháng 12 năm 2026',
    );
    expect(squash((await pdfParse(c)).text)).toBe('Ủy ban nhân dân xã Mường Ảng');
  });

  it('embeds only the faces a document draws with, once each', async () => {
    const one = await render([
      { face: 'regular', text: 'Cấp độ 2' },
      { face: 'regular', text: 'Cấp độ 3' },
    ]).pdf;
    const two = await render([
      { face: 'regular', text: 'Cấp độ 2' },
      { face: 'bold', text: 'Cấp độ 3' },
    ]).pdf;
    expect(fontsOf(one).map((f) => f.split('+')[1])).toEqual(['BeVietnamPro-Regular']);
    expect(
      fontsOf(two)
        .map((f) => f.split('+')[1])
        .sort(),
    ).toEqual(['BeVietnamPro-Bold', 'BeVietnamPro-Regular']);
  });
});

describe('Tinos for the official documents (Times New Roman metrics, Decree 30/2020 Annex I)', () => {
  function renderTinos(lines: { face: 'regular' | 'bold'; text: string }[]): Promise<Buffer> {
    const doc = new PDFDocument({ size: 'A4', font: '' });
    registerTinos(doc, ['regular', 'bold']);
    const chunks: Buffer[] = [];
    const pdf = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    for (const line of lines) doc.font(line.face).fontSize(14).text(line.text);
    doc.end();
    return pdf;
  }

  it('embeds Tinos and keeps every document’s text right, however many documents drew with it before', async () => {
    const texts = [
      'Ủy ban nhân dân tỉnh Sơn La đề nghị thẩm định',
      'QUYẾT ĐỊNH Về việc phê duyệt cấp độ hệ thống thông tin',
      'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
      'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin',
      'Hệ thống điều khiển hồ chứa thủy điện Sơn La (DK-THUYDIEN)',
    ];
    for (const text of texts) {
      const pdf = await renderTinos([
        { face: 'bold', text },
        { face: 'regular', text },
      ]);
      expect(
        fontsOf(pdf)
          .map((f) => f.split('+')[1])
          .sort(),
      ).toEqual(['Tinos-Bold', 'Tinos-Regular']);
      expect(squash((await pdfParse(pdf)).text)).toBe(`${text} ${text}`);
    }
  });
});
