import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { DossierDocumentData } from './document-data';
import { FIXTURE_DOSSIER, FIXTURE_DOSSIER_NOT_SUITABLE } from './fixtures';
import { parseFormTemplate } from './form-template.compiler';
import { asciiSlug, formatDate, formatLongDate } from './form-template.helpers';
import { loadAllFormTemplates, loadFormTemplate } from './form-template.loader';
import { resolveFormTemplate } from './form-template.resolver';
import { DocumentDataError, FormTemplateError, type ResolvedBlock } from './form-template.types';

const FILE = 'templates/forms/mau-02.json';

function template(blocks: unknown[], extra: Record<string, unknown> = {}) {
  return { form: 'mau-02', name: 'Văn bản thử', shortName: 'Thử', blocks, ...extra };
}

function errorOf(json: unknown): FormTemplateError {
  try {
    parseFormTemplate(json, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(FormTemplateError);
    return error as FormTemplateError;
  }
  throw new Error('the template was accepted');
}

function resolve(blocks: unknown[], data: DossierDocumentData = FIXTURE_DOSSIER, extra: Record<string, unknown> = {}): ResolvedBlock[] {
  return resolveFormTemplate(parseFormTemplate(template(blocks, extra), FILE), data).blocks;
}

/** The text of a single paragraph block. */
function paragraphText(text: string, data: DossierDocumentData = FIXTURE_DOSSIER): string {
  const [block] = resolve([{ type: 'paragraph', text }], data);
  if (!block || block.type !== 'paragraph') return '';
  return block.runs.map((r) => r.text).join('');
}

describe('form template validation', () => {
  it('names the file and the path of an unknown block type', () => {
    const error = errorOf(
      template([
        { type: 'paragraph', text: 'x' },
        { type: 'paragaph', text: 'y' },
      ]),
    );
    expect(error.file).toBe(FILE);
    expect(error.at).toBe('blocks[1].type');
    expect(error.message).toContain('templates/forms/mau-02.json');
    expect(error.message).toContain('"paragaph"');
  });

  it('rejects an unknown placeholder, listing the fields that exist', () => {
    const error = errorOf(template([{ type: 'paragraph', text: 'Tên: {{system.nam}}' }]));
    expect(error.at).toBe('blocks[0].text');
    expect(error.message).toContain('system.nam');
    expect(error.message).toContain('name');
  });

  it('rejects an unknown top-level field, inherited object members included', () => {
    expect(errorOf(template([{ type: 'paragraph', text: '{{agency.name}}' }])).message).toContain('"agency"');
    expect(errorOf(template([{ type: 'paragraph', text: '{{constructor}}' }])).at).toBe('blocks[0].text');
    expect(errorOf(template([{ type: 'paragraph', text: '{{system.toString}}' }])).at).toBe('blocks[0].text');
  });

  it('rejects an unknown helper', () => {
    const error = errorOf(template([{ type: 'title', text: 'x', lines: ['{{date | vietnamese}}'] }]));
    expect(error.at).toBe('blocks[0].lines[0]');
    expect(error.message).toContain('"vietnamese"');
  });

  it('rejects a list or a group of fields printed as a value', () => {
    expect(errorOf(template([{ type: 'paragraph', text: '{{planEntries}}' }])).message).toContain('danh sách');
    expect(errorOf(template([{ type: 'paragraph', text: '{{owner}}' }])).message).toContain('nhóm trường');
    expect(() => parseFormTemplate(template([{ type: 'paragraph', text: '{{system.infoTypeLabels | join}}' }]), FILE)).not.toThrow();
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const error = errorOf(template([{ type: 'paragraph', txet: 'x' }]));
    expect(error.at).toBe('blocks[0].txet');
  });

  it('rejects a loop over something that is not a list, and @index outside a loop', () => {
    expect(errorOf(template([{ type: 'each', each: 'system', blocks: [] }])).at).toBe('blocks[0].each');
    expect(errorOf(template([{ type: 'paragraph', text: '{{@index}}' }])).message).toContain('@index');
  });

  it('checks loop variables inside the loop and forgets them outside', () => {
    const loop = { type: 'list', items: [{ each: 'matchedRules', as: 'rule', text: '{{rule.article}}' }] };
    expect(() => parseFormTemplate(template([loop]), FILE)).not.toThrow();
    const typo = { type: 'list', items: [{ each: 'matchedRules', as: 'rule', text: '{{rule.articel}}' }] };
    expect(errorOf(template([typo])).at).toBe('blocks[0].items[0].text');
    expect(errorOf(template([loop, { type: 'paragraph', text: '{{rule.article}}' }])).at).toBe('blocks[1].text');
  });

  it('rejects a table row whose cells do not match the columns', () => {
    const table = {
      type: 'table',
      columns: [
        { header: 'STT', width: 1 },
        { header: 'Yêu cầu', width: 4 },
      ],
      rows: [{ cells: ['1'] }],
    };
    expect(errorOf(template([table])).at).toBe('blocks[0].rows[0].cells');
  });

  it('rejects unbalanced bold markup and a form that does not match its file', () => {
    expect(errorOf(template([{ type: 'paragraph', text: '**Điều 1. Phê duyệt' }])).message).toContain('**');
    expect(() => parseFormTemplate(template([{ type: 'pageBreak' }]), FILE, 'mau-04')).toThrow(/mau-04/);
  });

  it('reports a JSON syntax error with the file name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capdo-forms-'));
    writeFileSync(path.join(dir, 'mau-01.json'), '{ "form": "mau-01", ');
    expect(() => loadFormTemplate('mau-01', dir)).toThrow(/mau-01\.json.*JSON/);
    expect(() => loadFormTemplate('mau-04', dir)).toThrow(/mau-04\.json/);
  });

  it('picks up a template edited on disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capdo-forms-'));
    const file = path.join(dir, 'mau-01.json');
    writeFileSync(file, JSON.stringify({ ...template([{ type: 'paragraph', text: 'Một' }]), form: 'mau-01' }));
    expect(loadFormTemplate('mau-01', dir).blocks).toHaveLength(1);
    writeFileSync(file, JSON.stringify({ ...template([{ type: 'paragraph', text: 'Một' }, { type: 'pageBreak' }]), form: 'mau-01' }));
    expect(loadFormTemplate('mau-01', dir).blocks).toHaveLength(2);
  });

  it('accepts the five templates shipped in templates/forms', () => {
    expect(loadAllFormTemplates().map((t) => t.form)).toEqual([
      'mau-01',
      'mau-02',
      'mau-03',
      'thuyet-minh',
      'mau-04',
      'mau-05',
      'mau-06',
      'mau-07',
    ]);
  });
});

describe('placeholder resolution', () => {
  it('resolves dotted paths', () => {
    expect(paragraphText('{{operator.name}} ({{operator.parentName}}) gửi {{addressee.name}}')).toBe(
      'Sở Xây dựng (UBND tỉnh Sơn La) gửi Công an tỉnh Sơn La',
    );
  });

  it('formats dates as dd/mm/yyyy and "ngày … tháng … năm …" with the zeros of Decree 30/2020 and no-break spaces', () => {
    // The spaces inside a long date are U+00A0: a date is never broken across two lines.
    const nb = (s: string) => s.replace(/ /g, '\u00a0');
    expect(formatDate('2026-11-25')).toBe('25/11/2026');
    expect(formatLongDate('2026-11-25')).toBe(nb('ngày 25 tháng 11 năm 2026'));
    expect(formatLongDate('2026-02-05')).toBe(nb('ngày 05 tháng 02 năm 2026'));
    expect(formatLongDate('2026-03-09')).toBe(nb('ngày 09 tháng 3 năm 2026'));
    expect(formatLongDate('2026-03-09')).not.toContain(' ');
    expect(paragraphText('{{place}}, {{date | longDate}}; vận hành từ {{system.goLiveDate | date}}')).toBe(
      `Sơn La, ${nb('ngày 25 tháng 11 năm 2026')}; vận hành từ 01/03/2019`,
    );
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => paragraphText('{{date | date}}', { ...FIXTURE_DOSSIER, date: '2026-02-30' })).toThrow(DocumentDataError);
  });

  it('upper-cases Vietnamese, writes the level, letters points and joins lists', () => {
    expect(paragraphText('{{operator.name | upper}}')).toBe('SỞ XÂY DỰNG');
    expect(paragraphText('{{proposedLevel | level | capitalize}}')).toBe('Cấp độ 3');
    expect(paragraphText('{{system.infoTypeLabels | join}}')).toBe('Thông tin công cộng, Thông tin cá nhân');
    expect(paragraphText("{{system.infoTypeLabels | join:' và '}}")).toBe('Thông tin công cộng và Thông tin cá nhân');
    const [list] = resolve([
      { type: 'list', marker: 'none', items: [{ each: 'planSections', as: 's', text: '{{@index | point}}) {{s.title}}' }] },
    ]);
    expect(list.type === 'list' && list.items.map((i) => i.runs[0].text.slice(0, 2))).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']);
  });

  it('leaves a gap for the clerk when a value is blank', () => {
    expect(paragraphText('Số: {{documentNumber | blank:……/……}}')).toBe('Số: ……/……');
    expect(paragraphText('Số: {{documentNumber | blank:……/……}}', { ...FIXTURE_DOSSIER, documentNumber: '15/SXD-VP' })).toBe(
      'Số: 15/SXD-VP',
    );
    expect(
      paragraphText('Cấp độ theo tiêu chí: {{computedLevel | level | blank:chưa xác định}}', { ...FIXTURE_DOSSIER, computedLevel: null }),
    ).toBe('Cấp độ theo tiêu chí: chưa xác định');
  });

  it('prints NFC text even when the data arrives decomposed', () => {
    const nfd = { ...FIXTURE_DOSSIER, operator: { ...FIXTURE_DOSSIER.operator, name: 'Sở Xây dựng'.normalize('NFD') } };
    expect(paragraphText('{{operator.name}}', nfd)).toBe('Sở Xây dựng'.normalize('NFC'));
  });

  it('makes bold runs from the template markup but never from the data', () => {
    const [block] = resolve([{ type: 'paragraph', text: '**Điều 1.** Phê duyệt {{system.name}} là **{{proposedLevel | level}}**.' }], {
      ...FIXTURE_DOSSIER,
      system: { ...FIXTURE_DOSSIER.system, name: 'Cổng *thử*' },
    });
    expect(block.type === 'paragraph' && block.runs).toEqual([
      { text: 'Điều 1.', bold: true, italic: false },
      { text: ' Phê duyệt Cổng *thử* là ', bold: false, italic: false },
      { text: 'cấp độ 3', bold: true, italic: false },
      { text: '.', bold: false, italic: false },
    ]);
  });

  it('numbers list items across static and looped items, and skips items whose condition fails', () => {
    const [list] = resolve([
      {
        type: 'list',
        items: [
          'Tài liệu mô tả tổng quan;',
          { if: { path: 'proposedLevel', in: [4, 5] }, text: 'Ý kiến chuyên môn;' },
          { each: 'attachments', as: 'file', text: '{{file.fileName}}' },
          { if: '!expertOpinion', text: 'Không có ý kiến chuyên môn.' },
        ],
      },
    ]);
    expect(list.type === 'list' && list.items.map((i) => `${i.marker} ${i.runs[0].text}`)).toEqual([
      '1. Tài liệu mô tả tổng quan;',
      '2. Thiết kế thi công Cổng TTĐT.pdf',
      '3. Báo cáo đánh giá rủi ro 2026.pdf',
      '4. Quy chế 45-QĐ-SXD.pdf',
      '5. Không có ý kiến chuyên môn.',
    ]);
  });

  it('adds a group row to a table whenever the group changes', () => {
    const [table] = resolve([
      {
        type: 'table',
        columns: [
          { header: 'STT', width: 1 },
          { header: 'Yêu cầu', width: 5 },
        ],
        rows: [{ each: 'planEntries', as: 'e', group: '{{e.groupName}}', cells: ['{{@index}}', '{{e.title}}'] }],
      },
    ]);
    if (table.type !== 'table') throw new Error('not a table');
    const groups = table.rows.filter((r) => r.kind === 'group');
    const cells = table.rows.filter((r) => r.kind === 'cells');
    expect(cells).toHaveLength(FIXTURE_DOSSIER.planEntries.length);
    expect(groups.length).toBeGreaterThan(5);
    expect(table.rows[0]).toEqual({ kind: 'group', text: 'Thiết lập chính sách an toàn thông tin' });
    expect(table.rows[1]).toEqual({ kind: 'cells', cells: ['1', 'Chính sách an toàn thông tin'] });
  });

  it('requires the appraisal for Mẫu 04 and prints the unsuitable points', () => {
    const mau04 = loadFormTemplate('mau-04');
    expect(() => resolveFormTemplate(mau04, { ...FIXTURE_DOSSIER, appraisal: undefined })).toThrow(/ý kiến thẩm định/);
    const text = JSON.stringify(resolveFormTemplate(mau04, FIXTURE_DOSSIER_NOT_SUITABLE).blocks);
    expect(text).toContain('chưa phù hợp');
    expect(text).toContain('Thiếu sơ đồ vùng mạng có địa chỉ IP công cộng và IP riêng');
    expect(JSON.stringify(resolveFormTemplate(mau04, FIXTURE_DOSSIER).blocks)).not.toContain('chưa phù hợp');
  });

  it('cites the decree the dossier is filed under, and asks for the professional opinion only at levels 4–5', () => {
    const mau02 = loadFormTemplate('mau-02');
    const text = (data: DossierDocumentData) => JSON.stringify(resolveFormTemplate(mau02, data).blocks);
    const nd331 = text(FIXTURE_DOSSIER);
    expect(nd331).toContain('Căn cứ Luật An ninh mạng số 116/2025/QH15;');
    expect(nd331).toContain('Căn cứ Nghị định số 331/2026/NĐ-CP ngày 19 tháng 8 năm 2026');
    expect(nd331).not.toContain('85/2016');
    expect(nd331).not.toContain('Ý kiến về mặt chuyên môn');
    // Mẫu 02's footnote on the national-security List exists in Decree 331's annex only.
    expect(nd331).toContain('Bổ sung đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia');
    const nd85 = text({
      ...FIXTURE_DOSSIER,
      decree: 'Nghị định số 85/2016/NĐ-CP',
      securityTerm: 'an toàn thông tin',
      proposedLevel: 4,
      procedurePath: 'MINISTRY',
    });
    expect(nd85).toContain('Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016');
    expect(nd85).toContain('Thông tư số 12/2022/TT-BTTTT');
    expect(nd85).toContain('Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an toàn thông tin của chủ quản hệ thống thông tin');
    expect(nd85).not.toContain('Bổ sung đề nghị đưa hệ thống vào Danh mục');
    expect(nd85).not.toContain('¹');
    expect(text({ ...FIXTURE_DOSSIER, decree: 'Nghị định số 999/2030/NĐ-CP' })).toContain(
      'Căn cứ Nghị định số 999/2030/NĐ-CP của Chính phủ;',
    );
  });

  it('upper-cases the issuing body and the title as the layout requires', () => {
    const [header, title] = resolve([
      { type: 'header', issuer: { parent: '{{operator.parentName}}', name: '{{operator.name}}' }, number: 'Số: 1', placeDate: '{{place}}' },
      { type: 'title', text: 'Đề nghị thẩm định' },
    ]);
    expect(header).toMatchObject({
      issuerParent: 'UBND TỈNH SƠN LA',
      issuerName: 'SỞ XÂY DỰNG',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    });
    expect(title).toMatchObject({ text: 'ĐỀ NGHỊ THẨM ĐỊNH' });
  });

  it('folds Vietnamese to ASCII for file names', () => {
    expect(asciiSlug('Quyết định phê duyệt cấp độ')).toBe('Quyet-dinh-phe-duyet-cap-do');
    expect(asciiSlug('ĐỀ NGHỊ / Cổng TTĐT')).toBe('DE-NGHI-Cong-TTDT');
  });
});
