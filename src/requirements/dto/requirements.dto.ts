import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RequirementsQuery {
  @ApiProperty({ minimum: 1, maximum: 5, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;

  @ApiPropertyOptional({ example: 'TT12-2022', description: 'Danh mục yêu cầu (mặc định: TT12-2022)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  catalogue?: string;

  @ApiPropertyOptional({ enum: ['MANAGEMENT', 'TECHNICAL'] })
  @IsOptional()
  @IsIn(['MANAGEMENT', 'TECHNICAL'])
  kind?: 'MANAGEMENT' | 'TECHNICAL';
}

export class RequirementGuidanceDto {
  @ApiProperty() explanation!: string;
  @ApiProperty() example!: string;
  @ApiProperty() evidence!: string;
}

export class RequirementDto {
  @ApiProperty({ example: 'TT12.L3.QL.1.5.4' }) code!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ enum: ['MANAGEMENT', 'TECHNICAL'] }) kind!: string;
  @ApiProperty() group!: string;
  @ApiProperty() groupName!: string;
  @ApiPropertyOptional({ enum: ['DESIGN_ZONES', 'DESIGN_SOLUTIONS', 'CONFIGURATION'] }) part?: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String, example: '7.1.5.4' }) tcvnClause!: string | null;
  @ApiProperty({ example: 'Phụ lục III' }) appendix!: string;
  @ApiProperty({ example: 'I.1.5.4' }) ref!: string;
  @ApiProperty({
    example: 'Nhật ký hệ thống — Bảo đảm an toàn máy chủ',
    description: 'Tên hiển thị: tên lặp lại trong cấp độ kèm tên nhóm',
  })
  displayTitle!: string;
  @ApiProperty({ type: RequirementGuidanceDto, description: 'Giải thích dễ hiểu, ví dụ trả lời, minh chứng thường kèm' })
  guidance!: RequirementGuidanceDto;
}

export class CatalogueRefDto {
  @ApiProperty({ example: 'TT12-2022' }) id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() standard!: string;
  @ApiProperty() legalBasis!: string;
}

export class CountByPartDto {
  @ApiPropertyOptional({ type: 'integer' }) DESIGN_ZONES?: number;
  @ApiPropertyOptional({ type: 'integer' }) DESIGN_SOLUTIONS?: number;
  @ApiPropertyOptional({ type: 'integer' }) CONFIGURATION?: number;
}

export class RequirementGroupSummaryDto {
  @ApiProperty() group!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ enum: ['MANAGEMENT', 'TECHNICAL'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String, example: '7.2.1' }) tcvnClause!: string | null;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiPropertyOptional({ type: CountByPartDto, description: 'Nhóm kỹ thuật: số yêu cầu theo phần (vùng thiết kế, giải pháp, cấu hình)' })
  countByPart?: CountByPartDto;
}

export class RequirementListDto {
  @ApiProperty({ type: CatalogueRefDto }) catalogue!: CatalogueRefDto;
  @ApiProperty() level!: number;
  @ApiProperty({ type: [RequirementGroupSummaryDto] }) groups!: RequirementGroupSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [RequirementDto] }) items!: RequirementDto[];
}

export class CatalogueSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['available', 'planned'] }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty() standard!: string;
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional() note?: string;
}
