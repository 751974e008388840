import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import type { ReportReadings } from '../report-readings';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

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
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
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
  @ApiProperty({ nullable: true, type: String }) firstSubmittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstApprovedAt!: string | null;
  @ApiProperty() submitted!: boolean;
  @ApiProperty() approved!: boolean;
  @ApiProperty() systems!: number;
  @ApiProperty() operatingSystems!: number;
  @ApiProperty() approvedSystems!: number;
  @ApiProperty({ description: 'Hệ thống đã kê khai quyết định phê duyệt trước đây, chưa được xác nhận (không tính vào số đã phê duyệt)' })
  claimedSystems!: number;
}

export class ApprovalRateReportDto {
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'provinceCode là null với báo cáo toàn quốc' }) scope!: {
    provinceCode: string | null;
    rootAgency: string | null;
    title: string;
  };
  @ApiProperty() agencies!: {
    total: number;
    submitted: number;
    approved: number;
    notSubmitted: number;
    approvalRate: number | null;
    submissionRate: number | null;
  };
  @ApiProperty({ description: 'claimedNotConfirmed: đã kê khai, chưa xác nhận (không tính vào withApprovedLevel, byLevel)' })
  systems!: {
    total: number;
    operating: number;
    withApprovedLevel: number;
    claimedNotConfirmed: number;
    coverage: number | null;
    byLevel: Record<string, number>;
  };
  @ApiProperty({ type: [TierFigureDto] }) byTier!: TierFigureDto[];
  @ApiProperty({ type: [AgencyRowDto] }) agencyRows!: AgencyRowDto[];
  @ApiProperty({ type: [AgencyRowDto], description: 'Các cơ quan, đơn vị chưa gửi hồ sơ' }) notSubmitted!: AgencyRowDto[];
  @ApiPropertyOptional({
    type: Object,
    description:
      'Chỉ khi readings=true (JSON) và trong các tệp: các cách đếm khác, bên cạnh số liệu chính (agencies, byTier: theo cơ quan chủ quản, cách đếm của Công văn 256/UBND-NC): ' +
      'theo đơn vị gửi hồ sơ (bySender), theo đơn vị thẩm định (byAppraiser), theo ngày ký quyết định phê duyệt (byDecisionDate)',
  })
  readings?: ReportReadings;
}
