import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { DUE_KIND_LABELS } from '../../dossiers/dossier-due';
import { DOSSIER_STATUSES } from '../../dossiers/dossier-status';
import { MAU08_STATUSES } from '../mau08';
import { ProvinceScopeDto } from './annual-report.dto';

export class PipelineQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-06', description: 'Trạng thái hồ sơ tính đến hết ngày này (mặc định: hôm nay)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
  @ApiPropertyOptional({ description: 'Quản trị viên: một cơ quan và các đơn vị cấp dưới' }) @IsOptional() @IsUUID() rootAgency?: string;
  @ApiPropertyOptional({ example: 'SL', description: 'Quản trị viên: mã tỉnh' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/, { message: 'mã tỉnh gồm 2–16 chữ in hoa' })
  province?: string;
}

export class StateCountDto {
  @ApiProperty({ enum: DOSSIER_STATUSES }) state!: string;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

export class Mau08CountDto {
  @ApiProperty({ enum: MAU08_STATUSES }) status!: string;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

export class OverdueDossierDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() systemName!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ enum: DOSSIER_STATUSES }) state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: Object.keys(DUE_KIND_LABELS) }) dueKind!: string;
  @ApiProperty() dueKindLabel!: string;
  @ApiProperty({ description: 'Số ngày làm việc đã quá hạn' }) workingDaysOverdue!: number;
}

export class DueKindCountsDto {
  @ApiProperty({ type: 'integer', description: 'Hạn kiểm tra tính hợp lệ của hồ sơ' }) VALIDITY!: number;
  @ApiProperty({ type: 'integer', description: 'Hạn thẩm định' }) APPRAISAL!: number;
  @ApiProperty({ type: 'integer', description: 'Hạn thẩm định (nội bộ, pháp luật không quy định)' }) APPRAISAL_INTERNAL!: number;
  @ApiProperty({ type: 'integer', description: 'Hạn phê duyệt' }) APPROVAL!: number;
}

export class OverdueByAppraiserDto {
  @ApiProperty({ nullable: true, type: String }) appraiserAgencyId!: string | null;
  @ApiProperty() appraiserName!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: DueKindCountsDto, description: 'Số hồ sơ quá hạn theo loại hạn (kiểm tra hợp lệ, thẩm định, phê duyệt)' })
  byDueKind!: DueKindCountsDto;
  @ApiProperty({ format: 'date' }) oldestDueOn!: string;
  @ApiProperty({ type: [OverdueDossierDto] }) dossiers!: OverdueDossierDto[];
}

export class OverdueSummaryDto {
  @ApiProperty({ format: 'date', description: 'Ngày tính quá hạn (hôm nay)' }) today!: string;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [OverdueByAppraiserDto] }) byAppraiser!: OverdueByAppraiserDto[];
}

export class ApprovalTimesDto {
  @ApiProperty({ type: 'integer' }) approvedCount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Trung vị số ngày (theo lịch) từ lần gửi đầu tiên đến khi phê duyệt' })
  medianCalendarDaysToApproval!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Trung vị số ngày làm việc từ lần gửi đầu tiên đến khi phê duyệt' })
  medianWorkingDaysToApproval!: number | null;
}

export class PipelineReportDto {
  @ApiProperty({ format: 'date', example: '2026-01-06' }) asOf!: string;
  @ApiProperty({ type: ProvinceScopeDto }) scope!: ProvinceScopeDto;
  @ApiProperty({ description: 'Tổng số hồ sơ đã có tại ngày asOf' }) total!: number;
  @ApiProperty({ type: [StateCountDto], description: 'Số hồ sơ theo trạng thái quy trình tại ngày asOf' }) byState!: StateCountDto[];
  @ApiProperty({ type: [Mau08CountDto], description: 'Cùng số liệu theo tình trạng phê duyệt của Mẫu 08 (cột 6)' })
  byMau08Status!: Mau08CountDto[];
  @ApiProperty({
    type: OverdueSummaryDto,
    description: 'Hồ sơ quá hạn hôm nay (không theo asOf): đang chờ kiểm tra hợp lệ, thẩm định hoặc phê duyệt',
  })
  overdue!: OverdueSummaryDto;
  @ApiProperty({
    type: ApprovalTimesDto,
    description: 'Hồ sơ đã được phê duyệt đến ngày asOf và thời gian từ lần gửi đầu tiên đến khi phê duyệt (trung vị)',
  })
  approvals!: ApprovalTimesDto;
}
