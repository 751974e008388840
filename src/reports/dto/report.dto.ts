import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import type { ReportReadings } from '../report-readings';

export const REPORT_FORMATS = ['json', 'csv', 'zip', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `comma`: RFC 4180 with a decimal point; `semicolon`: what Excel reads in a Vietnamese locale, with decimal commas. */
export const CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type CsvDelimiterName = (typeof CSV_DELIMITERS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ example: '2026-01-06', description: 'Tính đến hết ngày này (mặc định: hôm nay)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
  @ApiPropertyOptional({ description: 'Quản trị viên: báo cáo cho một cơ quan và các đơn vị cấp dưới' })
  @IsOptional()
  @IsUUID()
  rootAgency?: string;
  @ApiPropertyOptional({ example: 'SL', description: 'Quản trị viên: mã tỉnh' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/, { message: 'mã tỉnh gồm 2–16 chữ in hoa' })
  province?: string;
  @ApiPropertyOptional({
    enum: ['national'],
    description:
      'Quản trị viên: báo cáo toàn quốc (không kèm province, rootAgency); quản trị viên không chọn tỉnh hay cơ quan gốc cũng nhận báo cáo toàn quốc',
  })
  @IsOptional()
  @IsIn(['national'])
  scope?: 'national';
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description:
      'csv: bảng các cơ quan, đơn vị (một bảng một tệp); zip: mọi bảng, mỗi bảng một tệp CSV, phân cách bằng dấu phẩy và (thư mục excel-tieng-viet) bằng dấu chấm phẩy; xlsx; pdf',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiPropertyOptional({
    enum: CSV_DELIMITERS,
    default: 'comma',
    description: 'Chỉ với format=csv: semicolon phân cách bằng dấu chấm phẩy, số thập phân dùng dấu phẩy (Excel tiếng Việt)',
  })
  @IsOptional()
  @IsIn(CSV_DELIMITERS, { message: 'delimiter là comma hoặc semicolon' })
  delimiter?: CsvDelimiterName;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'JSON: kèm các cách đếm khác (readings); các tệp CSV, XLSX, PDF và trang báo cáo luôn kèm',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'readings là true hoặc false' })
  readings?: 'true' | 'false';
}

export class TierFigureDto {
  @ApiProperty() tier!: string;
  @ApiProperty() label!: string;
  @ApiProperty() total!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() approved!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% đã phê duyệt trên số đã gửi' }) approvalRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '% đã gửi trên tổng số' }) submissionRate!: number | null;
}

export class AgencyRowDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() tier!: string;
  @ApiProperty() tierLabel!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Ngày (YYYY-MM-DD)' }) firstSubmittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Ngày (YYYY-MM-DD)' }) firstApprovedAt!: string | null;
  @ApiProperty() submitted!: boolean;
  @ApiProperty() approved!: boolean;
  @ApiProperty() systems!: number;
  @ApiProperty() operatingSystems!: number;
  @ApiProperty() approvedSystems!: number;
  @ApiProperty({ description: 'Hệ thống đã kê khai quyết định phê duyệt trước đây, chưa được xác nhận (không tính vào số đã phê duyệt)' })
  claimedSystems!: number;
}

export class ReportScopeDto {
  @ApiProperty({ nullable: true, type: String, example: 'SL', description: 'null với báo cáo toàn quốc' }) provinceCode!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Cơ quan gốc khi báo cáo cho một cơ quan và các đơn vị cấp dưới',
  })
  rootAgency!: string | null;
  @ApiProperty({ example: 'UBND tỉnh Sơn La' }) title!: string;
}

export class AgencyFiguresDto {
  @ApiProperty() total!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty() approved!: number;
  @ApiProperty() notSubmitted!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% đã phê duyệt trên số đã gửi' }) approvalRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '% đã gửi trên tổng số' }) submissionRate!: number | null;
}

export class SystemFiguresDto {
  @ApiProperty() total!: number;
  @ApiProperty() operating!: number;
  @ApiProperty() withApprovedLevel!: number;
  @ApiProperty({ description: 'Đã kê khai, chưa xác nhận (không tính vào withApprovedLevel, byLevel)' }) claimedNotConfirmed!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% đã được phê duyệt cấp độ trên số đang vận hành' }) coverage!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { '1': 0, '2': 14, '3': 38, '4': 0, '5': 0 },
    description: 'Số hệ thống được phê duyệt theo cấp độ (khóa "1"–"5")',
  })
  byLevel!: Record<string, number>;
}

export class ApprovalRateReportDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-06' }) asOf!: string;
  @ApiProperty({ type: ReportScopeDto }) scope!: ReportScopeDto;
  @ApiProperty({ type: AgencyFiguresDto }) agencies!: AgencyFiguresDto;
  @ApiProperty({ type: SystemFiguresDto }) systems!: SystemFiguresDto;
  @ApiProperty({ type: [TierFigureDto] }) byTier!: TierFigureDto[];
  @ApiProperty({ type: [AgencyRowDto] }) agencyRows!: AgencyRowDto[];
  @ApiProperty({ type: [AgencyRowDto], description: 'Các cơ quan, đơn vị chưa gửi hồ sơ' }) notSubmitted!: AgencyRowDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Chỉ khi readings=true (JSON) và trong các tệp: các cách đếm khác, bên cạnh số liệu chính (agencies, byTier: theo cơ quan chủ quản, cách đếm của Công văn 256/UBND-NC): ' +
      'theo đơn vị gửi hồ sơ (bySender), theo đơn vị thẩm định (byAppraiser), theo ngày ký quyết định phê duyệt (byDecisionDate)',
  })
  readings?: ReportReadings;
}
