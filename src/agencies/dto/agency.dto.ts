import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { toNfc } from '../../common/text/vietnamese';
import { AGENCY_KINDS, AGENCY_STATUSES, AgencyKind, AgencyStatus } from '../agency-kind';

const trimNfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

/** Blank text clears a contact field (stored as NULL). */
const contactText = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = toNfc(value.trim());
  return trimmed.length ? trimmed : null;
};

/**
 * The body's details the explanatory report gives for the owner and the operating unit (Circular 12/2022 Art. 8.3.a–b;
 * Decree 331/2026 Art. 22.3.a–b). Each may be sent as null (or blank) to clear it.
 */
export class AgencyContactsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Quyết định số 15/2025/QĐ-UBND ngày 01/7/2025 quy định chức năng, nhiệm vụ, quyền hạn',
    description: 'Văn bản quy định chức năng, nhiệm vụ và quyền hạn',
  })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  functionsDocument?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Người đại diện' })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(255)
  representativeName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Chức vụ người đại diện', example: 'Chủ tịch' })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(255)
  representativeTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Địa chỉ' })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '0212 3852 123', description: 'Số điện thoại' })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\+?[0-9][0-9 .()-]{5,38}$/, { message: 'số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ngoặc' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'vanphong@sonla.gov.vn', description: 'Thư điện tử' })
  @IsOptional()
  @Transform(contactText)
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'thư điện tử không hợp lệ' })
  @MaxLength(255)
  email?: string | null;
}

export class CreateAgencyDto extends AgencyContactsDto {
  @ApiProperty({ example: 'SL-XA-MOI', description: 'Mã cơ quan: chữ in hoa, số, dấu gạch ngang' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'mã chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang (2–40 ký tự)' })
  code!: string;

  @ApiProperty({ example: 'UBND xã Chiềng Mai' })
  @Transform(trimNfc)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind!: AgencyKind;

  @ApiPropertyOptional({ description: 'Cơ quan cấp trên' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ example: 'SL', description: 'Bắt buộc khi không có cơ quan cấp trên' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/, { message: 'mã tỉnh gồm 2–16 chữ in hoa' })
  provinceCode?: string;

  @ApiPropertyOptional({ example: '2025-07-01' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;
}

export class UpdateAgencyDto extends AgencyContactsDto {
  @ApiProperty({ description: 'Phiên bản đã đọc; nếu đã có người sửa trước sẽ trả về 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trimNfc) @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS }) @IsOptional() @IsIn(AGENCY_KINDS) kind?: AgencyKind;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ enum: AGENCY_STATUSES }) @IsOptional() @IsIn(AGENCY_STATUSES) status?: AgencyStatus;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-06-30' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  validTo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Cơ quan kế thừa (sau sáp nhập)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  successorId?: string | null;
}

export class AgencyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_KINDS }) @IsOptional() @IsIn(AGENCY_KINDS) kind?: AgencyKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ enum: AGENCY_STATUSES }) @IsOptional() @IsIn(AGENCY_STATUSES) status?: AgencyStatus;
  @ApiPropertyOptional({ description: 'Tìm theo tên hoặc mã, có dấu hoặc không dấu', example: 'chieng coi' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'Cơ cấu tại ngày này: chỉ các cơ quan đang hoạt động, với tên và cấp trên của ngày đó',
    example: '2025-06-30',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AgencyTreeQuery {
  @ApiPropertyOptional({ description: 'Cây cơ quan tại ngày này', example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AgencyDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind!: AgencyKind;
  @ApiProperty({ description: 'Tên loại cơ quan' }) kindLabel!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ enum: AGENCY_STATUSES }) status!: AgencyStatus;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ nullable: true, type: String }) successorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Văn bản quy định chức năng, nhiệm vụ, quyền hạn' })
  functionsDocument!: string | null;
  @ApiProperty({ nullable: true, type: String }) representativeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) representativeTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() version!: number;
}

export class AgencyPageDto {
  @ApiProperty({ type: [AgencyDto] }) items!: AgencyDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AgencyTreeNodeDto extends AgencyDto {
  @ApiProperty({ type: () => [AgencyTreeNodeDto] }) children!: AgencyTreeNodeDto[];
}
