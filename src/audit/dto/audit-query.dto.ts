import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'agency' }) @IsOptional() @IsString() @MaxLength(40) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'UPDATE' }) @IsOptional() @IsString() @MaxLength(40) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) correlationId?: string;
  @ApiPropertyOptional({ description: 'Từ thời điểm (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'Đến thời điểm (ISO 8601, không bao gồm)' }) @IsOptional() @IsDateString() to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUsername!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên và chức vụ người thực hiện ("Nguyễn Văn A, Chuyên viên")' })
  actorName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Bản ghi trước thao tác (các trường tùy loại đối tượng)',
  })
  before!: object | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Bản ghi sau thao tác (các trường tùy loại đối tượng)',
  })
  after!: object | null;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
