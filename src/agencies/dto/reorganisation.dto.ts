import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { CreateAgencyDto } from './agency.dto';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class NewSuccessorDto extends CreateAgencyDto {}

export class MergeAgenciesDto {
  @ApiProperty({ type: [String], description: 'Các cơ quan bị sáp nhập (kết thúc hoạt động)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sourceAgencyIds!: string[];

  @ApiPropertyOptional({ description: 'Cơ quan tiếp nhận đã có (hoặc dùng newAgency để tạo mới)' })
  @IsOptional()
  @IsUUID()
  successorAgencyId?: string;

  @ApiPropertyOptional({ type: NewSuccessorDto, description: 'Cơ quan mới hình thành sau sáp nhập' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewSuccessorDto)
  newAgency?: NewSuccessorDto;

  @ApiProperty({ example: '2025-07-01', format: 'date' }) @IsCalendarDate() effectiveDate!: string;
  @ApiProperty({ example: '1681/NQ-UBTVQH15' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) decisionNumber!: string;
  @ApiPropertyOptional({ example: '2025-06-16', format: 'date' }) @IsOptional() @IsCalendarDate() decisionDate?: string;
  @ApiPropertyOptional({ example: 'Ủy ban Thường vụ Quốc hội' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(255)
  decisionIssuer?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string;
}

export class RenameAgencyDto {
  @ApiProperty() @IsUUID() agencyId!: string;
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) newName!: string;
  @ApiProperty({ example: '2025-03-01', format: 'date' }) @IsCalendarDate() effectiveDate!: string;
  @ApiProperty({ example: '461/NQ-HĐND' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) decisionNumber!: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() decisionDate?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(255) decisionIssuer?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string;
}

export class ReorganisationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['MERGE', 'RENAME'] }) kind!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) decisionDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionIssuer!: string | null;
  @ApiProperty({ nullable: true, type: String }) successorAgencyId!: string | null;
  @ApiProperty({ type: [String] }) sourceAgencyIds!: string[];
  @ApiProperty({ nullable: true, type: String }) newName!: string | null;
  @ApiProperty() movedSystems!: number;
  @ApiProperty() movedUsers!: number;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const REORGANISATION_KINDS = ['MERGE', 'RENAME'] as const;
export class ReorganisationListQuery {
  @ApiPropertyOptional({ enum: REORGANISATION_KINDS }) @IsOptional() @IsIn(REORGANISATION_KINDS) kind?: string;
}
