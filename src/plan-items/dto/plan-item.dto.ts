import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { DEPLOYMENT_STATUSES } from '../../systems/system-enums';
import { PLAN_ITEM_STATUSES, PlanItemStatus } from '../deployment-status';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UpdatePlanItemDto {
  @ApiProperty({ description: 'Phiên bản hạng mục đã đọc (khóa lạc quan)' }) @Type(() => Number) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ enum: PLAN_ITEM_STATUSES }) @IsOptional() @IsIn(PLAN_ITEM_STATUSES) status?: PlanItemStatus;
  @ApiPropertyOptional({ description: 'Thời hạn triển khai dự kiến', nullable: true, type: String, format: 'date' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  plannedDate?: string | null;
  @ApiPropertyOptional({ description: 'Đơn vị chịu trách nhiệm' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(500)
  responsibleUnit?: string;
  @ApiPropertyOptional({ description: 'Biện pháp, cách đáp ứng yêu cầu' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(20000)
  measure?: string;
  @ApiPropertyOptional({ description: 'Lý do (bắt buộc khi không áp dụng)', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(text)
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
  @ApiPropertyOptional({ description: 'Ghi chú cho lịch sử' }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string;
}

export class PlanItemListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Cơ quan chủ quản hoặc vận hành' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: PLAN_ITEM_STATUSES }) @IsOptional() @IsIn(PLAN_ITEM_STATUSES) status?: PlanItemStatus;
  @ApiPropertyOptional({ description: 'Chỉ các hạng mục chưa triển khai đã quá thời hạn' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
}

/** The upload takes only its `file`: any other multipart field is refused (422), as everywhere. */
export class PlanItemEvidenceUploadDto {}

export class PlanItemEvidenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ nullable: true, type: String }) uploadedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class PlanItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ example: 'TT12.L3.QL.1.5.4' }) requirementId!: string;
  @ApiProperty({ enum: ['a', 'b', 'c', 'd', 'dd', 'e', 'g'] }) section!: string;
  @ApiProperty() sectionTitle!: string;
  @ApiProperty() title!: string;
  @ApiProperty() measure!: string;
  @ApiProperty() responsibleUnit!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) plannedDate!: string | null;
  @ApiProperty({ enum: PLAN_ITEM_STATUSES }) status!: PlanItemStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) doneOn!: string | null;
  @ApiProperty({ description: 'Kê khai đã triển khai khi phê duyệt' }) declaredAtApproval!: boolean;
  @ApiProperty({ description: 'Chưa triển khai và đã quá thời hạn' }) overdue!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [PlanItemEvidenceDto] }) evidence!: PlanItemEvidenceDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PlanSectionDto {
  @ApiProperty() key!: string;
  @ApiProperty({ example: 'a' }) letter!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PlanItemDto] }) items!: PlanItemDto[];
}

export class PlanItemCountsDto {
  @ApiProperty({ type: 'integer' }) NOT_STARTED!: number;
  @ApiProperty({ type: 'integer' }) IN_PROGRESS!: number;
  @ApiProperty({ type: 'integer' }) DONE!: number;
  @ApiProperty({ type: 'integer' }) NOT_APPLICABLE!: number;
}

export class SystemPlanDto {
  @ApiProperty() systemId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Hồ sơ được phê duyệt mà phương án thuộc về' }) dossierId!: string | null;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES, nullable: true, type: String, description: 'Mẫu 08 cột 10, tính từ các hạng mục' })
  deploymentStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) deploymentStatusLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Mẫu 08 cột 11', format: 'date' }) expectedOn!: string | null;
  @ApiProperty({ type: PlanItemCountsDto, description: 'Số hạng mục theo trạng thái' }) counts!: PlanItemCountsDto;
  @ApiProperty() applicable!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [PlanSectionDto], description: 'Theo bảy mục a–g; trong mỗi mục: quá hạn, sắp đến hạn trước' })
  sections!: PlanSectionDto[];
}

export class PlanItemEventDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() actionLabel!: string;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Hạng mục trước thao tác (các trường đã thay đổi)',
  })
  before!: object | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Hạng mục sau thao tác (các trường đã thay đổi)',
  })
  after!: object | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class PlanItemListRowDto extends PlanItemDto {
  @ApiProperty() systemName!: string;
  @ApiProperty() ownerAgencyName!: string;
}

export class PlanItemPageDto {
  @ApiProperty({ type: [PlanItemListRowDto] }) items!: PlanItemListRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
