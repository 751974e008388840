import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { LEVEL_TIERS } from '../after-approval-figures';

export class AfterApprovalQuery {
  @ApiPropertyOptional({ example: '2026-01-06', description: 'Tính đến hết ngày này (mặc định: hôm nay)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
  @ApiPropertyOptional({ description: 'Quản trị viên: một cơ quan và các đơn vị cấp dưới' })
  @IsOptional()
  @IsUUID()
  rootAgency?: string;
  @ApiPropertyOptional({ example: 'SL', description: 'Quản trị viên: mã tỉnh' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/, { message: 'mã tỉnh gồm 2–16 chữ in hoa' })
  province?: string;
}

export class AfterApprovalTierDto {
  @ApiProperty({ enum: [...LEVEL_TIERS, 'TOTAL'] }) tier!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Hệ thống đã được phê duyệt cấp độ' }) approved!: number;
  @ApiProperty({ description: 'Phương án đã triển khai đầy đủ' }) fullyDeployed!: number;
  @ApiProperty() partiallyDeployed!: number;
  @ApiProperty() notDeployed!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% triển khai đầy đủ trên số đã phê duyệt' }) fullDeploymentRate!:
    number | null;
  @ApiProperty({ description: 'Lần kiểm tra gần nhất đúng hạn, chưa đến hạn lần sau' }) inspectedOnTime!: number;
  @ApiProperty({ description: 'Lần kiểm tra gần nhất làm muộn, chưa đến hạn lần sau' }) inspectedLate!: number;
  @ApiProperty({ description: 'Quá hạn kiểm tra, đánh giá' }) inspectionOverdue!: number;
  @ApiProperty({ description: 'Chưa kiểm tra lần nào, chưa đến hạn' }) notYetDue!: number;
  @ApiProperty({ nullable: true, type: Number }) onTimeRate!: number | null;
  @ApiProperty() openIncidents!: number;
  @ApiProperty() openRedeterminationFlags!: number;
}

export class AfterApprovalReportDto {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ enum: ['ND85', 'ND331'], description: 'Chế độ kiểm tra áp dụng vào ngày tính' }) regime!: string;
  @ApiProperty() scopeTitle!: string;
  @ApiProperty({ type: [AfterApprovalTierDto] }) tiers!: AfterApprovalTierDto[];
}
