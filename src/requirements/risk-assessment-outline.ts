import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { RISK_GUIDE_SECTIONS, RISK_GUIDE_TITLE } from './risk-assessment-guide';

const FONT = 'Times New Roman';
const line = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, font: FONT, size: 26, ...opts })] });

/**
 * The risk assessment outline as an editable .docx: the guide's headings with its questions to answer and the
 * short example in italics, then blank space to write in. Built from RISK_GUIDE_SECTIONS, so the page and the
 * download never disagree.
 */
export async function riskAssessmentOutlineDocx(): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: RISK_GUIDE_TITLE.toUpperCase(), bold: true, font: FONT, size: 28 })],
    }),
    line('Hệ thống thông tin: ……………………………………………   Cấp độ đề xuất: ……'),
    line('Cơ quan chủ quản: ……………………………………………   Đơn vị vận hành: ……………………………'),
    line(
      'Căn cứ: điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP (mọi cấp độ: nhận diện sơ bộ nguy cơ, rủi ro và mức độ ảnh hưởng); ' +
        'khoản 5 Điều 22 (cấp độ 4, 5: báo cáo chi tiết hơn, thêm các mục 5–8).',
      { italics: true },
    ),
  ];
  for (const s of RISK_GUIDE_SECTIONS) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.heading + (s.levels45 ? ' (cấp độ 4, 5)' : ''), bold: true, font: FONT, size: 26 })],
      }),
      line('Cần trả lời:', { bold: true }),
      ...s.questions.map((q) => line('– ' + q)),
      line('Ví dụ: ' + s.example, { italics: true }),
      line('Nội dung: ……………………………………………………………………………………………'),
    );
  }
  const doc = new Document({ creator: 'capdo', title: RISK_GUIDE_TITLE, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
