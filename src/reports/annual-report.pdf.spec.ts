import PDFDocument from 'pdfkit';
import { registerTinos } from '../common/pdf/be-vietnam-pro';
import { annualReportPdf, MAU08_TABLE_COLUMNS, MAU08_TABLE_FONT_SIZE } from './annual-report.pdf';
import { mau08Cells } from './annual-report.text';
import { AnnualReportDto, Mau08SystemRowDto } from './dto/annual-report.dto';
import { annualPeriod } from './mau08';
import { CELL_PADDING, columnWidths, contentWidth } from './report-pdf-kit';

// pdf-parse's index runs a self-test on load; its lib entry is the parser alone.
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** A system row with every date column of Mẫu 08 filled: (7) decision, (8) regulation, (11) deployment, (12) inspection. */
function row(stt: number): Mau08SystemRowDto {
  return {
    stt,
    systemId: `s-${stt}`,
    code: `SL-${stt}`,
    name: `Hệ thống quản lý văn bản và điều hành ${stt}`,
    ownerName: 'Công an tỉnh Sơn La',
    operatorName: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    proposedLevel: 2,
    approvedLevel: 2,
    status: 'APPROVED',
    statusLabel: 'Đã được phê duyệt',
    workflowState: 'APPROVED',
    decision: { number: `${100 + stt}/QĐ-CAT-PA05`, date: '2025-09-01', issuer: 'Công an tỉnh Sơn La' },
    internalRegulation: { number: '01/QC-ATTT', date: '2025-05-15' },
    deploymentStatus: 'PARTIAL',
    deploymentStatusLabel: 'Đã triển khai một số hạng mục',
    expectedFullDeploymentOn: '2026-12-31',
    inspectionStatus: 'Trước khi đưa vào sử dụng; Định kỳ',
    lastInspection: { date: '2026-03-12', kind: 'PERIODIC', kindLabel: 'Định kỳ', performer: 'Công an tỉnh Sơn La' },
  };
}

function report(systems: Mau08SystemRowDto[]): AnnualReportDto {
  return {
    period: annualPeriod(2026),
    asOf: '2026-12-07',
    periodComplete: false,
    scope: { provinceCode: 'SL', rootAgency: null, title: 'UBND tỉnh Sơn La' },
    summary: {
      systems: systems.length,
      classified: systems.length,
      dossiersBuilt: systems.length,
      appraised: systems.length,
      approved: systems.length,
      approvedAndInspected: systems.length,
      approvedAndInspectedInPeriod: systems.length,
      byLevel: { '1': 0, '2': systems.length, '3': 0, '4': 0, '5': 0 },
      byStatus: { DRAFTING: 0, SUBMITTED: 0, APPRAISED: 0, APPROVED: systems.length },
      deployment: { NOT_DEPLOYED: 0, PARTIAL: systems.length, FULL: 0 },
      fullyDeployed: 0,
      approvalRate: 100,
      fullDeploymentRate: 0,
      duringPeriod: { submitted: 0, approved: 0 },
    },
    systems,
  };
}

const issuer = {
  owner: { name: 'UBND tỉnh Sơn La', parentName: null },
  specialisedUnit: { name: 'Công an tỉnh Sơn La' },
  place: 'Thành phố Sơn La',
} as unknown as Parameters<typeof annualReportPdf>[2];

/** The dates as printed: dd/mm/yyyy, with the "ngày" before them when there is one. */
const DATE_UNITS = /(?:[Nn]gày[ \u00A0])?\d{2}\/\d{2}\/\d{4}\)?/g;

describe('Mẫu 08 PDF: a date is never broken across lines', () => {
  it('every date column is wide enough for its widest date with its "ngày" at the table type size', () => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 48, bottom: 54, left: 50, right: 50 }, font: '' });
    registerTinos(doc, ['regular', 'semibold']);
    doc.font('regular').fontSize(MAU08_TABLE_FONT_SIZE);
    const widths = columnWidths(MAU08_TABLE_COLUMNS, contentWidth(doc));
    const cells = mau08Cells(row(1));
    const checked: number[] = [];
    cells.forEach((text, i) => {
      for (const unit of text.match(DATE_UNITS) ?? []) {
        // A date with "ngày" is one unbreakable unit (no-break space): wider than the column, pdfkit would cut it.
        expect({ column: i + 1, unit, fits: doc.widthOfString(unit) <= widths[i] - 2 * CELL_PADDING }).toEqual({
          column: i + 1,
          unit,
          fits: true,
        });
        checked.push(i + 1);
      }
    });
    expect([...new Set(checked)]).toEqual([7, 8, 11, 12]);
  });

  it('prints each date whole, and "ngày" on the same line as its date, in the table and the text', async () => {
    const pdf = await annualReportPdf(report([1, 2, 3, 4, 5].map(row)), { on: '2026-12-07', at: new Date('2026-12-07T02:00:00Z') }, issuer);
    const text = (await pdfParse(pdf)).text;
    // pdf-parse starts a new line where the text moves down: a split date would leave "ngày" or "01/09/" at a line end.
    const lines = text.split('\n');
    // Every "ngày" is followed by its date on the same line ("số, ngày, cơ quan" in a column header is a list, not a date).
    const brokenNgay = lines.filter((l) => /[Nn]gày(?![ \u00A0]\d|,)/.test(l));
    expect(brokenNgay).toEqual([]);
    expect(lines.filter((l) => /(^|[^\d/])\d{2}\/(\d{2}\/?)?$/.test(l.trim()))).toEqual([]);
    const oneLine = lines.map((l) => l.replace(/\u00A0/g, ' '));
    for (const date of ['ngày 01/09/2025', 'ngày 15/05/2025', '31/12/2026', '12/03/2026', 'ngày 07 tháng 12 năm 2026'])
      expect(oneLine.some((l) => l.includes(date))).toBe(true);
    expect(oneLine.filter((l) => l.includes('ngày 01/09/2025'))).toHaveLength(5);
  });
});
