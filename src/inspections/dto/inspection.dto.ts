import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import {
  FINDING_STATUSES,
  FindingStatus,
  INSPECTION_KINDS,
  INSPECTION_METHODS,
  InspectionKind,
  InspectionMethod,
} from '../inspection-rules';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
/** Multipart fields arrive as strings: "true"/"false" become booleans, anything else stays and fails validation. */
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Findings arrive as a JSON string in a multipart form, as an array in a JSON body; either way as NewFindingDto instances. */
const findingsArray = ({ value }: { value: unknown }) => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return Array.isArray(parsed) ? parsed.map((f) => (f && typeof f === 'object' ? plainToInstance(NewFindingDto, f) : f)) : parsed;
};

export class NewFindingDto {
  @ApiProperty({ example: 'Chưa cập nhật bản vá hệ điều hành máy chủ ứng dụng' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
  @ApiProperty({ example: '2027-03-31', description: 'Hạn khắc phục', format: 'date' }) @IsCalendarDate() dueOn!: string;
}

/** An inspection as recorded: multipart form fields beside the optional report `file`, or a JSON body without a file. */
export class RecordInspectionBody {
  @ApiProperty({ enum: INSPECTION_KINDS }) @IsIn(INSPECTION_KINDS) kind!: InspectionKind;
  @ApiProperty({ example: '2026-11-20', description: 'Ngày kiểm tra; không sau ngày hôm nay', format: 'date' })
  @IsCalendarDate()
  performedOn!: string;
  @ApiProperty({ example: 'Trung tâm Giám sát an toàn không gian mạng quốc gia' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  performer!: string;
  @ApiPropertyOptional({ description: 'Cơ quan thực hiện, nếu có trong danh mục' }) @IsOptional() @IsUUID() performerAgencyId?: string;
  @ApiProperty({ description: 'Do bộ phận, đơn vị độc lập với đơn vị vận hành thực hiện' })
  @Transform(bool)
  @IsBoolean()
  independent!: boolean;
  @ApiProperty({ description: 'Tổ chức chuyên môn được cấp phép, đơn vị sự nghiệp phù hợp hoặc được chỉ định' })
  @Transform(bool)
  @IsBoolean()
  qualified!: boolean;
  @ApiPropertyOptional({ description: 'Kiểm tra toàn bộ cơ quan chủ quản (chu kỳ 02 năm)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  coversOrganisation?: boolean;
  @ApiProperty({ enum: INSPECTION_METHODS }) @IsIn(INSPECTION_METHODS) method!: InspectionMethod;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(4000) summary?: string;
  @ApiPropertyOptional({ type: [NewFindingDto], description: 'Tồn tại cần khắc phục (JSON trong biểu mẫu multipart)' })
  @IsOptional()
  @Transform(findingsArray)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  findings?: NewFindingDto[];
}

export class UpdateFindingDto {
  @ApiProperty({ description: 'Phiên bản đã đọc; nếu đã có người sửa trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: FINDING_STATUSES }) @IsIn(FINDING_STATUSES) status!: FindingStatus;
  @ApiPropertyOptional({ format: 'date', description: 'Ngày khắc phục xong (bắt buộc khi DONE); không sau hôm nay' })
  @IsOptional()
  @IsCalendarDate()
  resolvedOn?: string;
  @ApiPropertyOptional({ description: 'Hạn khắc phục mới', format: 'date' }) @IsOptional() @IsCalendarDate() dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string;
}

export class InspectionsDueQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ description: 'Chỉ các hệ thống đã quá hạn kiểm tra' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;
}

export class PolicyRuleInput {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) level!: number;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 120, description: 'Chu kỳ (tháng); null: không bắt buộc định kỳ' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  intervalMonths!: number | null;
  @ApiProperty() @IsBoolean() requiresIndependent!: boolean;
}

export class NewPolicyVersionDto {
  @ApiProperty({ type: [PolicyRuleInput], description: 'Đủ 5 cấp độ, mỗi cấp độ một lần' })
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => PolicyRuleInput)
  rules!: PolicyRuleInput[];
  @ApiProperty({ example: 'Theo hướng dẫn của Bộ Công an số …' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}

export class FindingDto {
  @ApiProperty() id!: string;
  @ApiProperty() inspectionId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: FINDING_STATUSES }) status!: FindingStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) resolvedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() version!: number;
}

export class ReportFileDto {
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
}

export class InspectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind!: InspectionKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() coversOrganisation!: boolean;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty() performer!: string;
  @ApiProperty({ nullable: true, type: String }) performerAgencyId!: string | null;
  @ApiProperty() independent!: boolean;
  @ApiProperty() qualified!: boolean;
  @ApiProperty({ nullable: true, enum: INSPECTION_METHODS }) method!: InspectionMethod | null;
  @ApiProperty({ nullable: true, type: String }) methodLabel!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: ReportFileDto }) report!: ReportFileDto | null;
  @ApiProperty({ description: 'Chuyển từ danh sách nhập tay trên hồ sơ hệ thống trước đây' }) legacy!: boolean;
  @ApiProperty({ type: [String], description: 'Điểm chưa đúng yêu cầu về người thực hiện' }) warnings!: string[];
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InspectionScheduleDto {
  @ApiProperty() systemId!: string;
  @ApiProperty() systemCode!: string;
  @ApiProperty() systemName!: string;
  @ApiProperty() ownerAgencyId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) lastInspectionOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) approvedLevel!: number | null;
  @ApiProperty({ enum: ['ND85', 'ND331'] }) regime!: string;
  @ApiProperty() onNationalSecurityList!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Hạn kiểm tra kế tiếp', format: 'date' }) nextDueOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) basis!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) baseOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) intervalMonths!: number | null;
  @ApiProperty() requiresIndependent!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: Number }) daysLeft!: number | null;
  @ApiProperty({ type: [String] }) articles!: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'Phiên bản chính sách áp dụng (Nghị định 331)' }) policyVersion!: number | null;
  @ApiProperty({ description: 'Câu trả lời bằng lời' }) summary!: string;
  @ApiProperty() openFindings!: number;
  @ApiProperty() overdueFindings!: number;
}

/** One approved system of the list of due inspections: the same answer as a system's schedule. */
export class InspectionDueRowDto extends InspectionScheduleDto {}

export class InspectionDuePageDto {
  @ApiProperty({ type: [InspectionDueRowDto] }) items!: InspectionDueRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PolicyRuleDto {
  @ApiProperty() level!: number;
  @ApiProperty({ nullable: true, type: Number }) intervalMonths!: number | null;
  @ApiProperty() requiresIndependent!: boolean;
  @ApiProperty({ description: 'Giá trị mặc định (chu kỳ của Điều 20.2.c Nghị định 85/2016/NĐ-CP)' }) isDefault!: boolean;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class PolicyVersionDto {
  @ApiProperty({ enum: ['ND331'] }) regime!: string;
  @ApiProperty() version!: number;
  @ApiProperty() inForce!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty({ type: [PolicyRuleDto] }) rules!: PolicyRuleDto[];
}

export class PolicyListDto {
  @ApiProperty({ type: [PolicyVersionDto], description: 'Mới nhất trước; phiên bản đầu tiên là phiên bản đang áp dụng' })
  versions!: PolicyVersionDto[];
}
