import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { DOSSIER_STATUSES } from '../../dossiers/dossier-status';
import { MAU08_STATUSES } from '../mau08';

export class PipelineQuery {
  @ApiPropertyOptional({ example: '2026-01-06', description: 'Trạng thái hồ sơ tính đến hết ngày này (mặc định: hôm nay)' })
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
  @ApiProperty() dueOn!: string;
  @ApiProperty() dueKind!: string;
  @ApiProperty() dueKindLabel!: string;
  @ApiProperty({ description: 'Số ngày làm việc đã quá hạn' }) workingDaysOverdue!: number;
}

export class OverdueByAppraiserDto {
  @ApiProperty({ nullable: true, type: String }) appraiserAgencyId!: string | null;
  @ApiProperty() appraiserName!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Số hồ sơ quá hạn theo loại hạn (kiểm tra hợp lệ, thẩm định, phê duyệt)' }) byDueKind!: Record<
    string,
    number
  >;
  @ApiProperty() oldestDueOn!: string;
  @ApiProperty({ type: [OverdueDossierDto] }) dossiers!: OverdueDossierDto[];
}

export class PipelineReportDto {
  @ApiProperty({ example: '2026-01-06' }) asOf!: string;
  @ApiProperty() scope!: { provinceCode: string; rootAgency: string | null; title: string };
  @ApiProperty({ description: 'Tổng số hồ sơ đã có tại ngày asOf' }) total!: number;
  @ApiProperty({ type: [StateCountDto], description: 'Số hồ sơ theo trạng thái quy trình tại ngày asOf' }) byState!: StateCountDto[];
  @ApiProperty({ type: [Mau08CountDto], description: 'Cùng số liệu theo tình trạng phê duyệt của Mẫu 08 (cột 6)' })
  byMau08Status!: Mau08CountDto[];
  @ApiProperty({ description: 'Hồ sơ quá hạn hôm nay (không theo asOf): đang chờ kiểm tra hợp lệ, thẩm định hoặc phê duyệt' })
  overdue!: { today: string; total: number; byAppraiser: OverdueByAppraiserDto[] };
  @ApiProperty({ description: 'Hồ sơ đã được phê duyệt đến ngày asOf và thời gian từ lần gửi đầu tiên đến khi phê duyệt (trung vị)' })
  approvals!: { approvedCount: number; medianCalendarDaysToApproval: number | null; medianWorkingDaysToApproval: number | null };
}
