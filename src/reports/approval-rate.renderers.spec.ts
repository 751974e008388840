import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import {
  approvalRateCsv,
  approvalRateZip,
  APPROVAL_RATE_CSV_HEADERS,
  SEMICOLON_FOLDER,
  SYSTEM_CSV_HEADERS,
  TIER_CSV_HEADERS,
} from './approval-rate.csv';
import { approvalRatePdf } from './approval-rate.pdf';
import { approvalRateXlsx } from './approval-rate.xlsx';
import { AgencyRowDto, ApprovalRateReportDto } from './dto/report.dto';
import { buildReadings } from './report-readings';
import { rate, TIER_LABELS, Tier } from './report-tiers';

// pdf-parse's index runs a self-test on load; its lib entry is the parser alone.
const pdfParse: (data: Buffer) => Promise<{ text: string; numpages: number }> = require('pdf-parse/lib/pdf-parse.js');

function body(code: string, name: string, tier: Tier, submitted?: string, approved?: string): AgencyRowDto {
  return {
    code,
    name,
    tier,
    tierLabel: TIER_LABELS[tier],
    firstSubmittedAt: submitted ?? null,
    firstApprovedAt: approved ?? null,
    submitted: !!submitted,
    approved: !!approved,
    systems: 3,
    operatingSystems: 2,
    approvedSystems: approved ? 1 : 0,
    claimedSystems: 0,
  };
}

/** 3 provincial bodies and 60 communes: 3 submitted (2 provincial, 1 ward), 2 approved. */
function report(): ApprovalRateReportDto {
  const rows = [
    body('SL-SO-XD', 'Sở Xây dựng', 'PROVINCIAL', '2025-08-04', '2025-08-28'),
    body('SL-CA', 'Công an tỉnh', 'PROVINCIAL', '2025-08-11', '2025-09-05'),
    body('SL-SO-TC', 'Sở Tài chính', 'PROVINCIAL'),
    body('SL-P-TOHIEU', 'UBND phường Tô Hiệu', 'COMMUNE', '2025-12-02'),
    ...Array.from({ length: 59 }, (_, i) => body(`SL-X-${i}`, i === 0 ? 'UBND xã Mường Lạn' : `UBND xã Chiềng ${i}`, 'COMMUNE')),
  ];
  const figures = (list: AgencyRowDto[]) => {
    const submitted = list.filter((r) => r.submitted).length;
    const approved = list.filter((r) => r.approved).length;
    return {
      total: list.length,
      submitted,
      approved,
      approvalRate: rate(approved, submitted),
      submissionRate: rate(submitted, list.length),
    };
  };
  return {
    asOf: '2026-01-06',
    scope: { provinceCode: 'SL', rootAgency: null, title: 'UBND tỉnh Sơn La' },
    agencies: { ...figures(rows), notSubmitted: rows.filter((r) => !r.submitted).length },
    systems: {
      total: 189,
      operating: 126,
      withApprovedLevel: 2,
      claimedNotConfirmed: 0,
      coverage: 1.6,
      byLevel: { '1': 0, '2': 1, '3': 1, '4': 0, '5': 0 },
    },
    byTier: (['PROVINCIAL', 'COMMUNE'] as const).map((tier) => ({
      tier,
      label: TIER_LABELS[tier],
      ...figures(rows.filter((r) => r.tier === tier)),
    })),
    agencyRows: rows,
    notSubmitted: rows.filter((r) => !r.submitted),
    // Sở Tài chính sent a dossier for a system Sở Xây dựng owns; a decision for the ward is dated 05/01, recorded 12/01.
    readings: buildReadings(
      rows.map((r) => ({ id: r.code, name: r.name, submitted: r.submitted, approved: r.approved })),
      [
        { body: 'SL-SO-TC', approved: true },
        { body: 'SL-CA', approved: true },
        { body: 'SL-P-TOHIEU', approved: false },
      ],
      [
        dossier('SL-SO-XD', 'APPROVED', true, '2025-08-28'),
        dossier('SL-CA', 'APPROVED', true, '2025-09-05'),
        dossier('SL-P-TOHIEU', 'UNDER_APPRAISAL', false, '2026-01-12', '2026-01-05'),
      ],
      '2026-01-06',
      rate,
    ),
  };
}

function dossier(body: string, state: string, approvedByDay: boolean, recordedOn: string, decisionDate = recordedOn) {
  return { body, appraiserKey: 'ca', appraiserName: 'Công an tỉnh Sơn La', received: true, state, approvedByDay, decisionDate, recordedOn };
}

/** A CSV file parsed back (BOM dropped), as csv-parse reads it. */
function parseCsv(content: Buffer | Uint8Array, delimiter = ','): string[][] {
  const text = Buffer.from(content).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { delimiter });
}

describe('approval-rate CSV: one table per file', () => {
  const rows = parseCsv(approvalRateCsv(report()));

  it('is the table of bodies alone: the Vietnamese headers, then one row per body with dd/mm/yyyy dates, nothing below', () => {
    expect(rows[0]).toEqual([...APPROVAL_RATE_CSV_HEADERS]);
    expect(rows[1]).toEqual([
      'SL-SO-XD',
      'Sở Xây dựng',
      'Sở, ban, ngành và tương đương',
      'Có',
      '04/08/2025',
      'Có',
      '28/08/2025',
      '3',
      '2',
      '1',
    ]);
    expect(rows[3]).toEqual(['SL-SO-TC', 'Sở Tài chính', 'Sở, ban, ngành và tương đương', 'Chưa', '', 'Chưa', '', '3', '2', '0']);
    expect(rows).toHaveLength(1 + 63);
    expect(rows.every((r) => r.length === APPROVAL_RATE_CSV_HEADERS.length)).toBe(true);
  });

  it('";" for Excel in a Vietnamese locale: the same table, split on ";"', () => {
    const semicolon = approvalRateCsv(report(), ';');
    expect(semicolon.toString('utf8').split('\r\n')[1]).toBe(
      'SL-SO-XD;Sở Xây dựng;"Sở, ban, ngành và tương đương";Có;04/08/2025;Có;28/08/2025;3;2;1',
    );
    expect(parseCsv(semicolon, ';')).toEqual(rows);
  });
});

describe('approval-rate ZIP: every table, each its own CSV, in both dialects', () => {
  const files = unzipSync(approvalRateZip(report(), new Date('2026-01-07T02:00:00Z')));
  const names = [
    'co-quan-don-vi.csv',
    'tong-hop-theo-nhom.csv',
    'he-thong.csv',
    'thong-tin-bao-cao.csv',
    'cach-dem-khac.csv',
    'don-vi-tham-dinh.csv',
    'phe-duyet-theo-ngay.csv',
    'giai-thich-cach-dem.csv',
  ];

  it('holds the tables by ASCII names, and the same under excel-tieng-viet/', () => {
    expect(Object.keys(files).sort()).toEqual([...names, ...names.map((n) => `${SEMICOLON_FOLDER}/${n}`)].sort());
    for (const name of Object.keys(files)) expect(name).toMatch(/^[a-z0-9/-]+\.csv$/);
  });

  it('each file is one rectangular table that parses back', () => {
    for (const name of names) {
      const comma = parseCsv(files[name]);
      expect({ name, width: new Set(comma.map((r) => r.length)).size }).toEqual({ name, width: 1 });
      expect(parseCsv(files[`${SEMICOLON_FOLDER}/${name}`], ';').map((r) => r.map((c) => c.replace(/^(\d+),(\d)$/, '$1.$2')))).toEqual(
        comma,
      );
    }
  });

  it('the figures by tier: counts, and percentages as numbers with the unit in the header', () => {
    const tiers = parseCsv(files['tong-hop-theo-nhom.csv']);
    expect(tiers[0]).toEqual([...TIER_CSV_HEADERS]);
    expect(tiers[0][5]).toBe('Tỷ lệ phê duyệt (trên số đã gửi) (%)');
    expect(tiers.slice(1)).toEqual([
      ['Sở, ban, ngành và tương đương', '3', '2', '2', '1', '100', '66.7'],
      ['UBND xã, phường', '60', '1', '0', '59', '0', '1.7'],
      ['Tổng cộng', '63', '3', '2', '60', '66.7', '4.8'],
    ]);
    expect(parseCsv(files[`${SEMICOLON_FOLDER}/tong-hop-theo-nhom.csv`], ';')[3]).toEqual([
      'Tổng cộng',
      '63',
      '3',
      '2',
      '60',
      '66,7',
      '4,8',
    ]);
  });

  it('the systems in one row; the readings with their rates as numbers', () => {
    expect(parseCsv(files['he-thong.csv'])).toEqual([[...SYSTEM_CSV_HEADERS], ['189', '126', '2', '1.6', '0', '0', '1', '1', '0', '0']]);
    const readings = parseCsv(files['cach-dem-khac.csv']);
    expect(readings[0].at(-1)).toBe('Tỷ lệ phê duyệt (trên số đã gửi) (%)');
    expect(readings).toContainEqual(['Theo ngày ký quyết định phê duyệt', '63', '3', '3', '100']);
    expect(parseCsv(files['don-vi-tham-dinh.csv'])).toContainEqual(['Công an tỉnh Sơn La', '3', '3', '0', '0', '1', '0', '2', '2']);
    expect(parseCsv(files['thong-tin-bao-cao.csv'])).toContainEqual(['Tính đến ngày', '06/01/2026']);
  });
});

describe('approval-rate XLSX', () => {
  it('has the three sheets, the totals on "Tổng hợp" and percentages as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await approvalRateXlsx(report(), new Date('2026-01-07T02:00:00Z'))) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Chưa gửi hồ sơ', 'Các cách đếm khác']);
    const totals: unknown[] = [];
    workbook.getWorksheet('Tổng hợp')!.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') totals.push(...(row.values as unknown[]).slice(1));
    });
    expect(totals).toEqual(['Tổng cộng', 63, 3, 2, 60, 0.667, 0.048]);
    const detail = workbook.getWorksheet('Chi tiết')!;
    expect(detail.getCell('F2').value).toEqual(new Date('2025-08-04T00:00:00Z'));
    expect(detail.getCell('F2').numFmt).toBe('dd/mm/yyyy');
    expect(workbook.getWorksheet('Chưa gửi hồ sơ')!.rowCount).toBe(61);
  });
});

describe('approval-rate PDF', () => {
  let text: string;
  let pages: number;
  beforeAll(async () => {
    const pdf = await pdfParse(await approvalRatePdf(report(), { on: '2026-01-07', at: new Date('2026-01-07T02:00:00Z') }));
    text = pdf.text.replace(/\s+/g, ' ');
    pages = pdf.numpages;
  });

  it('prints the title block and the headline figures with their diacritics', () => {
    expect(text).toContain('BÁO CÁO TÌNH HÌNH XÁC ĐỊNH CẤP ĐỘ HỆ THỐNG THÔNG TIN');
    expect(text).toContain('UBND tỉnh Sơn La');
    expect(text).toContain('Tính đến ngày 06/01/2026');
    expect(text).toContain('3/63 cơ quan, đơn vị đã gửi hồ sơ');
    expect(text).toContain('tỷ lệ phê duyệt (trên số đã gửi)');
  });

  it('labels the chart and its legend', () => {
    for (const label of ['Sở, ban, ngành và tương đương', 'UBND xã, phường', 'Tổng số', 'Đã gửi hồ sơ', 'Đã được phê duyệt'])
      expect(text).toContain(label);
  });

  it('lists every body that has not submitted, over several pages with the header repeated', () => {
    const list = text.slice(text.indexOf('IV. DANH SÁCH CƠ QUAN, ĐƠN VỊ CHƯA GỬI HỒ SƠ (60)'), text.indexOf('V. CÁC CÁCH ĐẾM KHÁC'));
    expect(list).toContain('UBND xã Mường Lạn');
    expect(list).toContain('Sở Tài chính');
    expect(list).not.toContain('Sở Xây dựng');
    for (let i = 1; i < 59; i++) expect(list).toMatch(new RegExp(`UBND xã Chiềng ${i}(?!\\d)`));
    expect(pages).toBeGreaterThan(2);
    // The header on every page the list spans (the list starts after page 1; the other readings follow it).
    const headers = list.split('Tên cơ quan, đơn vị').length - 1;
    expect(headers).toBeGreaterThan(1);
    expect(headers).toBeLessThanOrEqual(pages - 1);
    expect(text).toContain(`Trang ${pages}/${pages}`);
  });
});

describe('the other readings in each format (Các cách đếm khác)', () => {
  it('ZIP: names the default, then each reading with its figures and its sentence', () => {
    const files = unzipSync(approvalRateZip(report(), new Date('2026-01-07T02:00:00Z')));
    const summary = parseCsv(files['cach-dem-khac.csv']);
    expect(summary).toContainEqual(['Theo cơ quan chủ quản (cách đếm mặc định)', '63', '3', '2', '66.7']);
    expect(summary).toContainEqual(['Theo đơn vị gửi hồ sơ (đơn vị vận hành)', '63', '3', '2', '66.7']);
    expect(parseCsv(files['phe-duyet-theo-ngay.csv'])).toContainEqual([
      'Quyết định đề ngày đến hết ngày báo cáo nhưng ghi nhận sau ngày đó',
      '1',
    ]);
    const sentences = parseCsv(files['giai-thich-cach-dem.csv']);
    expect(sentences[1]).toEqual(['Cách đếm mặc định', expect.stringContaining('Công văn 256/UBND-NC')]);
    expect(sentences.some((r) => r[1].includes('Tính theo đơn vị gửi hồ sơ nhưng không theo chủ quản: Sở Tài chính.'))).toBe(true);
    expect(sentences.some((r) => r[1].includes('Tính theo chủ quản nhưng hồ sơ do đơn vị khác gửi: Sở Xây dựng.'))).toBe(true);
  });

  it('XLSX: a sheet with the same figures, the rate as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await approvalRateXlsx(report(), new Date('2026-01-07T02:00:00Z'))) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Các cách đếm khác')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Theo ngày ký quyết định phê duyệt', 63, 3, 3, 1]);
    expect(rows).toContainEqual(['Công an tỉnh Sơn La', 3, 3, 0, 0, 1, 0, 2, 2]);
    expect(rows.some((r) => String(r[0]).startsWith('Số liệu chính của báo cáo đếm theo cơ quan chủ quản'))).toBe(true);
  });

  it('PDF: section V after the list, with each reading explained', async () => {
    const text = (await pdfParse(await approvalRatePdf(report(), { on: '2026-01-07', at: new Date('2026-01-07T02:00:00Z') }))).text.replace(
      /\s+/g,
      ' ',
    );
    const section = text.slice(text.indexOf('V. CÁC CÁCH ĐẾM KHÁC'));
    for (const phrase of [
      'Theo cơ quan chủ quản (cách đếm mặc định)',
      'Theo đơn vị gửi hồ sơ',
      'Theo đơn vị thẩm định',
      'Theo ngày ký quyết định phê duyệt',
      'Công an tỉnh Sơn La',
      'UBND phường Tô Hiệu',
    ])
      expect(section).toContain(phrase);
  });
});
