import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class CouncilMemberDto {
  @ApiProperty({ example: 'Nguyễn Văn A' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty({ example: 'Phó Giám đốc Sở Khoa học và Công nghệ, Chủ tịch Hội đồng' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  title!: string;
}

/**
 * ND331 Art. 18.4 (TT12 Art. 6): when the specialised unit also operates the system, the owner assigns another capable
 * subordinate unit (UNIT) or sets up an independent appraisal council (COUNCIL), by a decision recorded here.
 */
export class IndependentAppraiserDto {
  @ApiProperty({ description: 'Phiên bản hồ sơ đã đọc' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: ['UNIT', 'COUNCIL'], description: 'Đơn vị trực thuộc khác / Hội đồng thẩm định độc lập' })
  @IsIn(['UNIT', 'COUNCIL'])
  kind!: 'UNIT' | 'COUNCIL';
  @ApiPropertyOptional({ description: 'Đơn vị được giao thẩm định (khi kind = UNIT)' })
  @ValidateIf((o: IndependentAppraiserDto) => o.kind === 'UNIT')
  @IsUUID()
  agencyId?: string;
  @ApiProperty({ example: 'Hội đồng thẩm định độc lập hồ sơ đề xuất cấp độ của Công an tỉnh' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;
  @ApiProperty({ example: '15/QĐ-CAT' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) decisionNumber!: string;
  @ApiProperty({ example: '2026-11-02', format: 'date' }) @IsCalendarDate() decisionDate!: string;
  @ApiPropertyOptional({ type: [CouncilMemberDto], description: 'Thành viên Hội đồng (khi kind = COUNCIL)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CouncilMemberDto)
  members?: CouncilMemberDto[];
}
