import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
const texts = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? toNfc(v.trim()) : v)) : value;

export class ActionDto {
  @ApiProperty({ description: 'Phiên bản hồ sơ đã đọc; nếu đã có người thao tác trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'Ghi chú kèm theo thao tác' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ReturnDto extends ActionDto {
  @ApiProperty({
    type: [String],
    example: ['Bổ sung tài liệu thiết kế thi công đã được phê duyệt'],
    description: 'Những nội dung cần bổ sung',
  })
  @Transform(texts)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  items!: string[];
}

export class AppraiseDto extends ActionDto {
  @ApiProperty({ enum: ['SUITABLE', 'NOT_SUITABLE'], description: 'Kết luận: phù hợp / chưa phù hợp (Mẫu 04)' })
  @IsIn(['SUITABLE', 'NOT_SUITABLE'])
  conclusion!: 'SUITABLE' | 'NOT_SUITABLE';
  @ApiPropertyOptional({ description: 'Ý kiến thẩm định' }) @IsOptional() @Transform(text) @IsString() @MaxLength(20000) opinions?: string;
  @ApiPropertyOptional({ type: [String], description: 'Những nội dung chưa phù hợp' })
  @IsOptional()
  @Transform(texts)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  reasons?: string[];
}

/**
 * A decision recorded with its signed PDF (multipart/form-data, field `file`): number, date, signer and title
 * (ND331 Art. 18, 20.3). Sent as form fields, so numbers arrive as text and are converted here.
 */
export class DecisionDto {
  @ApiProperty({ description: 'Phiên bản hồ sơ đã đọc; nếu đã có người thao tác trước sẽ trả về 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
  @ApiPropertyOptional({ description: 'Ghi chú kèm theo thao tác' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(4000)
  note?: string;
  @ApiProperty({ example: '125/QĐ-UBND' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) decisionNumber!: string;
  @ApiProperty({ example: '2026-11-25', format: 'date' }) @IsCalendarDate() decisionDate!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) signerName!: string;
  @ApiProperty({ example: 'Giám đốc' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) signerTitle!: string;
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Xác nhận quyết định ghi ngày sau hôm nay (giờ Việt Nam); thiếu xác nhận thì trả 422 DECISION_DATE_IN_FUTURE. Cấp độ được tính là đã phê duyệt từ ngày ghi trên quyết định',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'confirmFutureDate là true hoặc false' })
  confirmFutureDate?: boolean;
}

/** Mẫu 06: the decision approving the proposed level. */
export class ApproveDto extends DecisionDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @Type(() => Number) @IsInt() @Min(1) @Max(5) level!: number;
}

export class WithdrawDto extends ActionDto {}
