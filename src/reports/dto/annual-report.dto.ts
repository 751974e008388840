import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { DEPLOYMENT_STATUSES } from '../../systems/system-enums';
import { DOSSIER_STATUSES } from '../../dossiers/dossier-status';
import { MAU08_STATUSES } from '../mau08';
import { ReportScopeDto } from './report.dto';

export const ANNUAL_REPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type AnnualReportFormat = (typeof ANNUAL_REPORT_FORMATS)[number];

/** The first annual report on systems by level was due under Circular 03/2017; earlier years have no period. */
export const FIRST_REPORT_YEAR = 2017;

export class AnnualReportQuery {
  @ApiPropertyOptional({
    example: 2026,
    description: 'Năm báo cáo: số liệu từ 15/12 năm trước đến 14/12 năm này (mặc định: kỳ đang diễn ra)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  @Max(2100)
  year?: number;
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
      'Quản trị viên: bản tổng hợp toàn quốc (không kèm province, rootAgency): số liệu Mẫu 08 cộng trên mọi hệ thống của cả nước và theo từng tỉnh, không có danh mục từng hệ thống; quản trị viên không chọn tỉnh hay cơ quan gốc cũng nhận bản này',
  })
  @IsOptional()
  @IsIn(['national'])
  scope?: 'national';
  @ApiPropertyOptional({ enum: ANNUAL_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(ANNUAL_REPORT_FORMATS)
  format?: AnnualReportFormat;
}

/** Whose systems a report covers: a province, or one agency and its subordinate units. */
export class ProvinceScopeDto {
  @ApiProperty({ example: 'SL' }) provinceCode!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Cơ quan gốc khi báo cáo cho một cơ quan và các đơn vị cấp dưới',
  })
  rootAgency!: string | null;
  @ApiProperty({ example: 'UBND tỉnh Sơn La' }) title!: string;
}

/** Counts keyed by level "1"–"5" (every key present, 0 when none). */
export class LevelCountsDto {
  @ApiProperty({ type: 'integer' }) '1'!: number;
  @ApiProperty({ type: 'integer' }) '2'!: number;
  @ApiProperty({ type: 'integer' }) '3'!: number;
  @ApiProperty({ type: 'integer' }) '4'!: number;
  @ApiProperty({ type: 'integer' }) '5'!: number;
}

export class Mau08StatusCountsDto {
  @ApiProperty({ type: 'integer', description: 'Đang dự thảo' }) DRAFTING!: number;
  @ApiProperty({ type: 'integer', description: 'Đã gửi thẩm định' }) SUBMITTED!: number;
  @ApiProperty({ type: 'integer', description: 'Đã thẩm định' }) APPRAISED!: number;
  @ApiProperty({ type: 'integer', description: 'Đã được phê duyệt' }) APPROVED!: number;
}

export class DeploymentCountsDto {
  @ApiProperty({ type: 'integer', description: 'Chưa triển khai' }) NOT_DEPLOYED!: number;
  @ApiProperty({ type: 'integer', description: 'Đã triển khai một số hạng mục' }) PARTIAL!: number;
  @ApiProperty({ type: 'integer', description: 'Đã triển khai đầy đủ' }) FULL!: number;
}

export class PeriodCountsDto {
  @ApiProperty({ type: 'integer', description: 'Số hệ thống có hồ sơ gửi lần đầu trong kỳ' }) submitted!: number;
  @ApiProperty({ type: 'integer', description: 'Số hệ thống được phê duyệt trong kỳ' }) approved!: number;
}

export class ReportingPeriodDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ format: 'date', example: '2025-12-15' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-12-14' }) to!: string;
  @ApiProperty({
    format: 'date',
    example: '2026-12-20',
    description: 'Đơn vị chuyên trách, đơn vị vận hành báo cáo chủ quản trước ngày này',
  })
  unitsReportBy!: string;
  @ApiProperty({ format: 'date', example: '2026-12-25', description: 'Chủ quản báo cáo Bộ Công an trước ngày này' })
  ownerReportBy!: string;
}

export class DecisionRefDto {
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ description: 'Cơ quan ban hành (có thể trống khi hồ sơ không ghi)' }) issuer!: string;
}

export class RegulationRefDto {
  @ApiProperty() number!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) date!: string | null;
}

export class InspectionRefDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() performer!: string;
}

/** One row of the Mẫu 08 table; the form's column number is in each description. */
export class Mau08SystemRowDto {
  @ApiProperty({ description: '(1) STT' }) stt!: number;
  @ApiProperty() systemId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: '(2) Tên hệ thống' }) name!: string;
  @ApiProperty({ description: '(3) Chủ quản' }) ownerName!: string;
  @ApiProperty({ description: '(4) Đơn vị vận hành' }) operatorName!: string;
  @ApiProperty({ nullable: true, type: Number, description: '(5) Cấp độ đề xuất' }) proposedLevel!: number | null;
  @ApiProperty({ nullable: true, type: Number }) approvedLevel!: number | null;
  @ApiProperty({ nullable: true, enum: MAU08_STATUSES, description: '(6) Tình trạng phê duyệt' }) status!: string | null;
  @ApiProperty({ description: '(6) bằng lời của Mẫu 08; trống khi chưa có hồ sơ' }) statusLabel!: string;
  @ApiProperty({ nullable: true, enum: DOSSIER_STATUSES, description: 'Trạng thái quy trình của hồ sơ hiện hành' }) workflowState!:
    string | null;
  @ApiProperty({ nullable: true, type: DecisionRefDto, description: '(7) Quyết định phê duyệt' }) decision!: DecisionRefDto | null;
  @ApiProperty({ nullable: true, type: RegulationRefDto, description: '(8) Quy chế' }) internalRegulation!: RegulationRefDto | null;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES, description: '(10) Triển khai phương án' }) deploymentStatus!: string;
  @ApiProperty() deploymentStatusLabel!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: '(11) Dự kiến triển khai đầy đủ: ngày kế hoạch muộn nhất của các yêu cầu chưa triển khai',
  })
  expectedFullDeploymentOn!: string | null;
  @ApiProperty({ description: '(12) "Trước khi đưa vào sử dụng" và/hoặc "Định kỳ"; trống nếu chưa kiểm tra' }) inspectionStatus!: string;
  @ApiProperty({ nullable: true, type: InspectionRefDto }) lastInspection!: InspectionRefDto | null;
}

export class Mau08SummaryDto {
  @ApiProperty({ description: 'Tổng số hệ thống' }) systems!: number;
  @ApiProperty({ description: 'Đã được phân loại: đã xác định được loại hình hệ thống thông tin (có hồ sơ hoặc đã được phê duyệt)' })
  classified!: number;
  @ApiProperty({ description: 'Đã xây dựng hồ sơ' }) dossiersBuilt!: number;
  @ApiProperty({ description: 'Đã thẩm định' }) appraised!: number;
  @ApiProperty({ description: 'Đã được phê duyệt cấp độ' }) approved!: number;
  @ApiProperty({ description: 'Đã được phê duyệt và đã có kết quả kiểm tra, đánh giá' }) approvedAndInspected!: number;
  @ApiProperty({ description: 'Đã được phê duyệt và được kiểm tra, đánh giá trong kỳ báo cáo' }) approvedAndInspectedInPeriod!: number;
  @ApiProperty({ type: LevelCountsDto, description: 'Số hệ thống được phê duyệt theo cấp độ 1–5' }) byLevel!: Record<string, number>;
  @ApiProperty({ type: Mau08StatusCountsDto, description: 'Số hệ thống theo tình trạng phê duyệt (cột 6)' })
  byStatus!: Record<string, number>;
  @ApiProperty({ type: DeploymentCountsDto, description: 'Số hệ thống theo tình hình triển khai phương án (cột 10)' })
  deployment!: Record<string, number>;
  @ApiProperty({ description: 'Hệ thống đã được phê duyệt và đã triển khai đầy đủ phương án' }) fullyDeployed!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% đã được phê duyệt trên tổng số hệ thống' }) approvalRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '% đã triển khai đầy đủ trên số đã được phê duyệt' }) fullDeploymentRate!:
    number | null;
  @ApiProperty({ type: PeriodCountsDto, description: 'Trong kỳ: số hệ thống có hồ sơ gửi lần đầu, số hệ thống được phê duyệt' })
  duringPeriod!: PeriodCountsDto;
}

/** One province's Mẫu 08 figures in the national summary: the same as its own report's `summary`. */
export class ProvinceFiguresDto {
  @ApiProperty({ example: 'SL' }) provinceCode!: string;
  @ApiProperty({ example: 'UBND tỉnh Sơn La' }) title!: string;
  @ApiProperty({ type: Mau08SummaryDto }) summary!: Mau08SummaryDto;
}

export class AnnualReportDto {
  @ApiProperty({ type: ReportingPeriodDto }) period!: ReportingPeriodDto;
  @ApiProperty({ format: 'date', example: '2026-11-25', description: 'Số liệu tính đến ngày: cuối kỳ, hoặc hôm nay khi kỳ chưa kết thúc' })
  asOf!: string;
  @ApiProperty() periodComplete!: boolean;
  @ApiProperty({ type: ReportScopeDto, description: 'provinceCode null: bản tổng hợp toàn quốc' }) scope!: ReportScopeDto;
  @ApiProperty({ type: Mau08SummaryDto, description: 'Toàn quốc: tổng của các tỉnh (provinces), tỷ lệ tính lại trên tổng' })
  summary!: Mau08SummaryDto;
  @ApiProperty({
    type: [Mau08SystemRowDto],
    description: 'Danh mục từng hệ thống (Phần 3 Mẫu 08); trống ở bản tổng hợp toàn quốc — danh mục nằm trong báo cáo của từng tỉnh',
  })
  systems!: Mau08SystemRowDto[];
  @ApiPropertyOptional({
    type: [ProvinceFiguresDto],
    description: 'Chỉ ở bản tổng hợp toàn quốc: số liệu của từng tỉnh có cơ quan, đơn vị (kể cả tỉnh chưa có hệ thống nào)',
  })
  provinces?: ProvinceFiguresDto[];
}
