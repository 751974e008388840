import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INFO_TYPES, InfoType, SYSTEM_TYPES, SystemType } from '../../classification/rules/classification.types';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { toNfc } from '../../common/text/vietnamese';
import {
  DEPLOYMENT_STATUSES,
  DeploymentStatus,
  HOSTINGS,
  Hosting,
  INSPECTION_KINDS,
  InspectionKind,
  LIFECYCLES,
  Lifecycle,
} from '../system-enums';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
/** Optional on create; on update `null` clears the value. */
const Nullable = () => ValidateIf((_, value) => value !== null && value !== undefined);

export class ComponentDto {
  @ApiProperty({ example: 'Cổng dịch vụ công' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) description?: string;
}

// Named apart from inspections' InspectionDto (a recorded inspection): same class name, another shape.
@ApiSchema({ name: 'SystemInspectionDto' })
export class InspectionDto {
  @ApiProperty({ enum: INSPECTION_KINDS }) @IsIn(INSPECTION_KINDS) kind!: InspectionKind;
  @ApiProperty({ format: 'date', example: '2025-10-15' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: 'Công an tỉnh Sơn La' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) performer!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) notes?: string;
}

export class CreateSystemDto {
  @ApiProperty({ example: 'CONG-TTDT', description: 'Mã hệ thống, duy nhất trong cơ quan chủ quản' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,59}$/, { message: 'mã gồm chữ in hoa không dấu, số, dấu chấm, gạch ngang (tối đa 60 ký tự)' })
  code!: string;

  @ApiProperty({ example: 'Cổng thông tin điện tử phường Chiềng Cơi' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
  @ApiProperty({ description: 'Cơ quan chủ quản' }) @IsUUID() ownerAgencyId!: string;
  @ApiPropertyOptional({ description: 'Đơn vị vận hành (mặc định: cơ quan chủ quản)' }) @IsOptional() @IsUUID() operatorAgencyId?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nullable()
  @Transform(text)
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Phạm vi, quy mô' })
  @IsOptional()
  @Nullable()
  @Transform(text)
  @IsString()
  @MaxLength(2000)
  scope?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Đối tượng phục vụ' })
  @IsOptional()
  @Nullable()
  @Transform(text)
  @IsString()
  @MaxLength(2000)
  servedPopulation?: string | null;
  @ApiProperty({ enum: SYSTEM_TYPES }) @IsIn(SYSTEM_TYPES) systemType!: SystemType;

  @ApiProperty({ enum: INFO_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(INFO_TYPES, { each: true })
  infoTypes!: InfoType[];

  @ApiProperty({ enum: LIFECYCLES }) @IsIn(LIFECYCLES.filter((l) => l !== 'RETIRED')) lifecycle!: Lifecycle;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2024-01-15' })
  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  goLiveDate?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-03-01',
    description:
      'Ngày bắt đầu đầu tư, xây dựng (hoặc nâng cấp, mở rộng). Trước 01/07/2026 thì hệ thống thuộc trường hợp chuyển tiếp (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)',
  })
  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  investmentStartDate?: string | null;
  @ApiPropertyOptional({ enum: HOSTINGS }) @IsOptional() @Nullable() @IsIn(HOSTINGS) hosting?: Hosting | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) @IsOptional() @Nullable() @IsBoolean() internetFacing?: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Kết nối mạng truyền số liệu chuyên dùng' })
  @IsOptional()
  @Nullable()
  @IsBoolean()
  connectsGovNetwork?: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mô tả kiến trúc, sơ đồ kết nối' })
  @IsOptional()
  @Nullable()
  @Transform(text)
  @IsString()
  @MaxLength(10000)
  architectureDescription?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 2_000_000_000 })
  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  userCount?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 2_000_000_000 })
  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  basicPersonalDataSubjects?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 2_000_000_000 })
  @IsOptional()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  sensitivePersonalDataSubjects?: number | null;

  @ApiPropertyOptional({ type: [ComponentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ComponentDto)
  components?: ComponentDto[];

  // The approved level and its decision are not fields of a system's form (issue 16): the level on record is written
  // only by the workflow's approval and by a confirmed prior-approval claim (src/systems/prior-approvals/).
  @ApiPropertyOptional({ enum: DEPLOYMENT_STATUSES }) @IsOptional() @IsIn(DEPLOYMENT_STATUSES) deploymentStatus?: DeploymentStatus;
  @ApiPropertyOptional({ type: String, nullable: true, example: '15/QĐ-SXD' })
  @IsOptional()
  @Nullable()
  @Transform(text)
  @IsString()
  @MaxLength(60)
  internalRegulationNumber?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-03-01' })
  @IsOptional()
  @Nullable()
  @IsCalendarDate()
  internalRegulationDate?: string | null;

  @ApiPropertyOptional({ type: [InspectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InspectionDto)
  inspections?: InspectionDto[];
}

export class UpdateSystemDto extends PartialType(OmitType(CreateSystemDto, ['lifecycle'] as const)) {
  @ApiProperty({ description: 'Phiên bản đã đọc; nếu đã có người sửa trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ enum: LIFECYCLES.filter((l) => l !== 'RETIRED') })
  @IsOptional()
  @IsIn(LIFECYCLES.filter((l) => l !== 'RETIRED'))
  lifecycle?: Lifecycle;
}

export class RetireSystemDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) @IsCalendarDate() retiredAt!: string;
  @ApiProperty({ example: 'Thay thế bằng hệ thống dùng chung của tỉnh' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const SYSTEM_SORTS = ['name', '-name', 'code', '-code', 'updatedAt', '-updatedAt', 'approvedLevel', '-approvedLevel'] as const;

export class SystemListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Cơ quan chủ quản hoặc vận hành' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ description: 'Gồm cả các đơn vị cấp dưới của agencyId' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeSubtree?: boolean;
  @ApiPropertyOptional({ enum: SYSTEM_TYPES }) @IsOptional() @IsIn(SYSTEM_TYPES) systemType?: SystemType;
  @ApiPropertyOptional({ enum: LIFECYCLES }) @IsOptional() @IsIn(LIFECYCLES) lifecycle?: Lifecycle;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) approvedLevel?: number;
  @ApiPropertyOptional({ description: 'Chỉ các hệ thống chưa có cấp độ được phê duyệt' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  hasNoApprovedLevel?: boolean;
  @ApiPropertyOptional({ description: 'Tìm theo tên, mã; có dấu hoặc không dấu' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: SYSTEM_SORTS, default: 'name' }) @IsOptional() @IsIn(SYSTEM_SORTS) sort?: (typeof SYSTEM_SORTS)[number];
  @ApiPropertyOptional({ description: 'Theo cơ quan chủ quản tại ngày này (sau sáp nhập vẫn xem được cơ cấu cũ)', example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AgencyRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class SystemDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: AgencyRefDto }) owner!: AgencyRefDto;
  @ApiProperty({ type: AgencyRefDto }) operator!: AgencyRefDto;
  @ApiProperty({ description: 'Tỉnh của cơ quan chủ quản', example: 'SL' }) provinceCode!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) scope!: string | null;
  @ApiProperty({ nullable: true, type: String }) servedPopulation!: string | null;
  @ApiProperty({ enum: SYSTEM_TYPES }) systemType!: SystemType;
  @ApiProperty() systemTypeLabel!: string;
  @ApiProperty({ enum: INFO_TYPES, isArray: true }) infoTypes!: InfoType[];
  @ApiProperty() stateSecret!: boolean;
  @ApiProperty({ enum: LIFECYCLES }) lifecycle!: Lifecycle;
  @ApiProperty() lifecycleLabel!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) goLiveDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) investmentStartDate!: string | null;
  @ApiProperty({ description: 'Hệ thống đang đầu tư, xây dựng trước 01/07/2026 (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)' })
  transitional!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Hạn bảo đảm biện pháp bảo vệ theo Nghị định 331/2026/NĐ-CP của hệ thống chuyển tiếp (12 tháng từ 01/07/2026)',
  })
  transitionalComplianceDueOn!: string | null;
  @ApiProperty({ nullable: true, enum: HOSTINGS }) hosting!: Hosting | null;
  @ApiProperty({ nullable: true, type: Boolean }) internetFacing!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) connectsGovNetwork!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) architectureDescription!: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) userCount!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) basicPersonalDataSubjects!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) sensitivePersonalDataSubjects!: number | null;
  @ApiProperty({ type: [ComponentDto] }) components!: ComponentDto[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Cấp độ được ghi nhận: do quy trình phê duyệt trên capdo, hoặc kê khai quyết định trước đây đã được xác nhận',
  })
  approvedLevel!: number | null;
  @ApiProperty({ nullable: true, type: String }) approvalDecisionNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) approvalDecisionDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvalDecisionIssuer!: string | null;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES }) deploymentStatus!: DeploymentStatus;
  @ApiProperty({ example: 'Chưa triển khai' }) deploymentStatusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) internalRegulationNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) internalRegulationDate!: string | null;
  @ApiProperty({ type: [InspectionDto] }) inspections!: InspectionDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) retiredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) retirementReason!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SystemPageDto {
  @ApiProperty({ type: [SystemDto] }) items!: SystemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
