import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class CreateRoutingRuleDto {
  @ApiProperty({ example: 'Cấp độ 1–3: Công an tỉnh thẩm định và phê duyệt' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;
  @ApiProperty({ description: 'Cơ quan chủ quản (áp dụng cho cả đơn vị cấp dưới nếu includeSubtree)' }) @IsUUID() ownerAgencyId!: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() includeSubtree?: boolean;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) minLevel!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) maxLevel!: number;
  @ApiPropertyOptional({ enum: ['ND85', 'ND331'], nullable: true, description: 'Bỏ trống: áp dụng cho cả hai nghị định' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(['ND85', 'ND331'])
  regime?: 'ND85' | 'ND331' | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Đơn vị thẩm định trong danh mục cơ quan' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  appraiserAgencyId?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Bộ Công an (Cục A05)',
    description: 'Hoặc đơn vị thẩm định bên ngoài, ghi theo tên',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  appraiserExternalName?: string | null;
  @ApiProperty({
    enum: ['AGENCY', 'OWNER', 'EXTERNAL'],
    description: 'Cấp phê duyệt: một cơ quan, chính cơ quan chủ quản, hoặc cơ quan bên ngoài',
  })
  @IsIn(['AGENCY', 'OWNER', 'EXTERNAL'])
  approverKind!: 'AGENCY' | 'OWNER' | 'EXTERNAL';
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Cơ quan phê duyệt (khi approverKind = AGENCY)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  approverAgencyId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cơ quan phê duyệt bên ngoài (khi approverKind = EXTERNAL)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  approverExternalName?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Cấp độ 4, 5: đơn vị chuyên trách của chủ quản cho ý kiến chuyên môn (Mẫu 03, điểm d khoản 1 Điều 20 NĐ 331/2026)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  specialisedUnitAgencyId?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh',
    description: 'Từ cấp độ 3, khi một cơ quan khác phê duyệt thay chủ quản: văn bản chủ quản giao',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  approverDesignation?: string | null;
  @ApiPropertyOptional({ default: 100, description: 'Số nhỏ được ưu tiên' }) @IsOptional() @IsInt() @Min(0) @Max(10000) priority?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateRoutingRuleDto extends PartialType(CreateRoutingRuleDto) {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class RoutingRuleDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerAgencyId!: string;
  @ApiProperty() includeSubtree!: boolean;
  @ApiProperty() minLevel!: number;
  @ApiProperty() maxLevel!: number;
  @ApiProperty({ nullable: true, type: String }) regime!: string | null;
  @ApiProperty({ nullable: true, type: String }) appraiserAgencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) appraiserExternalName!: string | null;
  @ApiProperty() approverKind!: string;
  @ApiProperty({ nullable: true, type: String }) approverAgencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) approverExternalName!: string | null;
  @ApiProperty({ nullable: true, type: String }) specialisedUnitAgencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) approverDesignation!: string | null;
  @ApiProperty() priority!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}
