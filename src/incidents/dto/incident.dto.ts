import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { INCIDENT_CLOCKS, INCIDENT_SEVERITIES, type IncidentClock, type IncidentSeverity } from '../incident-clocks';
import { INCIDENT_STATUSES, type IncidentStatus } from '../incident.entity';

export class CreateIncidentDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-01T09:30:00+07:00',
    description: 'Thời điểm phát hiện sự cố (ISO 8601, có múi giờ)',
  })
  @IsISO8601({ strict: true })
  detectedAt!: string;

  @ApiProperty({ enum: INCIDENT_SEVERITIES, description: 'Mức độ: nghiêm trọng thì phải thông báo ban đầu trong 24 giờ' })
  @IsIn(INCIDENT_SEVERITIES)
  severity!: IncidentSeverity;

  @ApiPropertyOptional({
    description: 'Có dấu hiệu xâm phạm an ninh quốc gia, trật tự, an toàn xã hội hoặc gián đoạn nghiêm trọng (báo cáo ngay)',
  })
  @IsOptional()
  @IsBoolean()
  nationalSecurity?: boolean;

  @ApiProperty({ example: 'Mã độc mã hóa dữ liệu máy chủ ứng dụng' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiPropertyOptional({ description: 'Biện pháp đã, đang xử lý, khắc phục' }) @IsOptional() @IsString() @MaxLength(20000) actions?: string;
}

export class UpdateIncidentDto {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version!: number;
  @ApiPropertyOptional({ enum: INCIDENT_SEVERITIES }) @IsOptional() @IsIn(INCIDENT_SEVERITIES) severity?: IncidentSeverity;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() nationalSecurity?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) actions?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Đã gửi thông báo ban đầu lúc (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  initialNoticeSentAt?: string;
  @ApiPropertyOptional({ description: 'Đã gửi báo cáo lúc (ISO 8601)', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reportSentAt?: string;
  @ApiPropertyOptional({ enum: ['CLOSED'], description: 'Đóng sự cố (khi đã gửi đủ thông báo, báo cáo)' })
  @IsOptional()
  @IsIn(['CLOSED'])
  status?: 'CLOSED';
}

export class IncidentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES }) @IsOptional() @IsIn(INCIDENT_STATUSES) status?: IncidentStatus;
  @ApiPropertyOptional({ description: 'Cơ quan chủ quản hoặc đơn vị vận hành' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class IncidentClockDto {
  @ApiProperty({ enum: INCIDENT_CLOCKS }) clock!: IncidentClock;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() immediate!: boolean;
  @ApiProperty() article!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class IncidentEventDto {
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Các trường đã thay đổi và giá trị mới (tùy loại sự kiện)' })
  changes!: Record<string, unknown>;
}

export class IncidentDto {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty() systemName!: string;
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) severity!: IncidentSeverity;
  @ApiProperty() severityLabel!: string;
  @ApiProperty() nationalSecurity!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() actions!: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: IncidentStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) initialNoticeSentAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reportSentAt!: string | null;
  @ApiProperty({ description: 'Phải kiểm tra, đánh giá bởi tổ chức chuyên môn (điểm c khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP)' })
  externalAssessmentRequired!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [IncidentClockDto] }) clocks!: IncidentClockDto[];
  @ApiPropertyOptional({ type: [IncidentEventDto] }) events?: IncidentEventDto[];
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentDto] }) items!: IncidentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
