import { Injectable, StreamableFile } from '@nestjs/common';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { annualNationalPdf } from './annual-report.national-pdf';
import { annualReportPdf } from './annual-report.pdf';
import { AnnualReportService } from './annual-report.service';
import { annualReportXlsx } from './annual-report.xlsx';
import { DomainError } from '../common/errors/domain-error';
import { approvalRateCsv, approvalRateZip } from './approval-rate.csv';
import { approvalRatePdf } from './approval-rate.pdf';
import { ApprovalRateService } from './approval-rate.service';
import { approvalRateXlsx } from './approval-rate.xlsx';
import { AnnualReportDto, AnnualReportQuery } from './dto/annual-report.dto';
import { ApprovalRateReportDto, ReportQuery } from './dto/report.dto';
import { reportFileName } from './report-text';

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
type FileFormat = keyof typeof MEDIA_TYPES;

/** A finished file as the response: its media type, and an attachment name the browser saves it under. */
function download(content: Buffer, format: FileFormat, name: string): StreamableFile {
  return new StreamableFile(content, { type: MEDIA_TYPES[format], length: content.length, disposition: `attachment; filename="${name}"` });
}

/** The reports as JSON, or rendered to the file the caller asked for. */
@Injectable()
export class ReportDownloadService {
  constructor(
    private readonly approvalRates: ApprovalRateService,
    private readonly annualReports: AnnualReportService,
    private readonly clock: Clock,
  ) {}

  async approvalRate(user: AuthUser, query: ReportQuery): Promise<ApprovalRateReportDto | StreamableFile> {
    const format = query.format ?? 'json';
    if (query.delimiter && format !== 'csv')
      throw new DomainError('VALIDATION_FAILED', 'Chỉ chọn dấu phân cách (delimiter) cho tệp CSV (format=csv).', {
        delimiter: ['chỉ dùng với format=csv; tệp ZIP có sẵn cả hai cách phân cách'],
      });
    // The files always carry the other readings; JSON when asked (readings=true).
    const report = await this.approvalRates.report(user, query, format !== 'json' || query.readings === 'true');
    if (format === 'json') return report;
    const generated = { on: this.clock.today(), at: this.clock.now() };
    const content =
      format === 'csv'
        ? approvalRateCsv(report, query.delimiter === 'semicolon' ? ';' : ',')
        : format === 'zip'
          ? approvalRateZip(report, generated.at)
          : format === 'xlsx'
            ? await approvalRateXlsx(report, generated.at)
            : await approvalRatePdf(report, generated);
    // The `;` file gets its own name, so both can sit side by side in a folder.
    const base = query.delimiter === 'semicolon' ? 'ty-le-phe-duyet-cap-do-cham-phay' : 'ty-le-phe-duyet-cap-do';
    return download(content, format, reportFileName(base, report.asOf, format));
  }

  async annual(user: AuthUser, query: AnnualReportQuery): Promise<AnnualReportDto | StreamableFile> {
    const report = await this.annualReports.report(user, query);
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    const generated = { on: this.clock.today(), at: this.clock.now() };
    // The national summary is nobody's letter: its PDF is a summary with no issuer, addressee or signature.
    const national = report.scope.provinceCode === null;
    const content =
      format === 'xlsx'
        ? await annualReportXlsx(report, generated.at)
        : national
          ? await annualNationalPdf(report, generated)
          : await annualReportPdf(report, generated, await this.annualReports.letterIssuer(report));
    const base = national ? `tong-hop-cap-do-toan-quoc-nam-${report.period.year}` : `bao-cao-cap-do-nam-${report.period.year}`;
    return download(content, format, reportFileName(base, report.asOf, format));
  }
}
