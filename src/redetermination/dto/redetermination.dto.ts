import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { toNfc } from '../../common/text/vietnamese';
import {
  FLAG_SOURCES,
  FLAG_STATUSES,
  FlagSource,
  FlagStatus,
  RECORDED_SOURCES,
  RecordedSource,
  RISK_EVENTS,
  RiskEvent,
} from '../redetermination-rules';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

/** An appraiser records why an approved system must have its level determined again (ND331 Arts. 8.3, 10.2, 10.5, 10.7). */
export class RecordTriggerDto {
  @ApiProperty({ enum: RECORDED_SOURCES }) @IsIn(RECORDED_SOURCES) source!: RecordedSource;
  @ApiPropertyOptional({ enum: RISK_EVENTS, description: 'Khi source = RISK_EVENT: sự kiện theo điểm b, c, d Khoản 2 Điều 10' })
  @IsOptional()
  @IsIn(RISK_EVENTS)
  riskEvent?: RiskEvent;
  @ApiPropertyOptional({ minimum: 2, maximum: 5, description: 'Cấp độ cần áp dụng (bắt buộc khi source = HIGHER_RISK)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(5)
  level?: number;
  @ApiProperty({ example: 'Công văn số 12/CAT-PA05 ngày 01/12/2026 yêu cầu rà soát lại cấp độ' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class DismissFlagDto {
  @ApiProperty({ description: 'Phiên bản cảnh báo đã đọc; nếu đã có người xử lý trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'Số chủ thể dữ liệu nhập nhầm; đơn vị đã sửa lại' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class FlagListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FLAG_STATUSES, default: 'OPEN' }) @IsOptional() @IsIn(FLAG_STATUSES) status?: FlagStatus;
  @ApiPropertyOptional({ description: 'Cơ quan chủ quản' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class FlagSystemRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() provinceCode!: string;
}

export class RedeterminationFlagDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: FlagSystemRefDto }) system!: FlagSystemRefDto;
  @ApiProperty({ enum: FLAG_SOURCES }) source!: FlagSource;
  @ApiProperty() sourceLabel!: string;
  @ApiProperty({ enum: RISK_EVENTS, nullable: true }) riskEvent!: RiskEvent | null;
  @ApiProperty({ nullable: true, type: String }) riskEventLabel!: string | null;
  @ApiProperty({ minimum: 1, maximum: 5 }) approvedLevel!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Cấp độ tính theo tiêu chí (hoặc do cán bộ thẩm định ghi); null: chưa xác định',
  })
  computedLevel!: number | null;
  @ApiProperty({ description: 'Cấp độ tối thiểu (còn thiếu thông tin, cấp độ có thể cao hơn)' }) levelIsFloor!: boolean;
  @ApiProperty({ enum: ['ND85', 'ND331'] }) regime!: string;
  @ApiProperty({ type: [String] }) articles!: string[];
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: FLAG_STATUSES }) status!: FlagStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ nullable: true, type: String }) raisedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) clearedByDossierId!: string | null;
  @ApiProperty() version!: number;
}

export class RedeterminationFlagPageDto {
  @ApiProperty({ type: [RedeterminationFlagDto] }) items!: RedeterminationFlagDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
