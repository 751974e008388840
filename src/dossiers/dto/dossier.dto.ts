import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { DOSSIER_ACTIONS, DossierAction } from '../dossier-actions';
import { PROCEDURE_PATHS } from '../dossier-path';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, PLAN_ENTRY_STATUSES, PlanEntryStatus } from '../dossier-plan';
import { MAX_NOTE_TO_APPRAISER } from '../proposal-rules';
import { DescriptionDto } from './dossier-description.dto';
import {
  AppraisalDto,
  ApprovalRequestDto,
  ClassificationDto,
  DecisionRecordDto,
  DossierDescriptionDto,
  IndependentAppraiserStateDto,
  NationalListingDto,
  OpinionRequestDto,
  PlanDecisionRecordDto,
  PlanSectionTextDto,
  RefDto,
  RegimeChangeDto,
  UnconfirmedDayDto,
} from './dossier-parts.dto';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
const LongText = (max = 20000) => [Transform(text), IsString(), MaxLength(max)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class CreateDossierDto {
  @ApiProperty() @IsUUID() systemId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Thông tin xác định cấp độ (mặc định lấy từ hồ sơ hệ thống); các trường như ở POST /api/v1/classification/evaluate',
  })
  @IsOptional()
  @IsObject()
  facts?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Mặc định: cấp độ xác định theo tiêu chí; không thấp hơn cấp độ đó' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  proposedLevel?: number;

  @ApiPropertyOptional({
    description: 'Thuyết minh đề xuất cấp độ (bắt buộc nếu đề xuất cao hơn cấp độ theo tiêu chí hoặc tiêu chí chưa xác định được cấp độ)',
  })
  @IsOptional()
  @apply(LongText())
  levelJustification?: string;

  @ApiPropertyOptional({
    description: 'Ý kiến gửi đơn vị thẩm định (ví dụ: không đồng ý với cấp độ theo tiêu chí và lý do)',
    maxLength: MAX_NOTE_TO_APPRAISER,
  })
  @IsOptional()
  @apply(LongText(MAX_NOTE_TO_APPRAISER))
  noteToAppraiser?: string;

  @ApiPropertyOptional({
    description:
      'Không cần gửi: suy ra từ thông tin hệ thống (tình trạng, ngày bắt đầu đầu tư, xây dựng trước 01/7/2026 — Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP). Nếu gửi, phải khớp với thông tin hệ thống',
  })
  @IsOptional()
  @IsBoolean()
  transitionalProject?: boolean;
}

export class PlanSectionsDto {
  @ApiPropertyOptional({ description: '(a) An toàn trong thiết kế, xây dựng' }) @IsOptional() @apply(LongText()) a?: string;
  @ApiPropertyOptional({ description: '(b) An toàn trong vận hành' }) @IsOptional() @apply(LongText()) b?: string;
  @ApiPropertyOptional({ description: '(c) Kiểm tra, đánh giá' }) @IsOptional() @apply(LongText()) c?: string;
  @ApiPropertyOptional({ description: '(d) Quản lý rủi ro' }) @IsOptional() @apply(LongText()) d?: string;
  @ApiPropertyOptional({ description: '(đ) Giám sát' }) @IsOptional() @apply(LongText()) dd?: string;
  @ApiPropertyOptional({ description: '(e) Dự phòng, sao lưu, ứng cứu, khôi phục' }) @IsOptional() @apply(LongText()) e?: string;
  @ApiPropertyOptional({ description: '(g) Kết thúc vận hành, thanh lý, hủy bỏ' }) @IsOptional() @apply(LongText()) g?: string;
}

export class PlanEntryDto {
  @ApiProperty({ example: 'TT12.L3.QL.1.1.1' }) @IsString() @MaxLength(60) code!: string;
  @ApiProperty({ enum: PLAN_ENTRY_STATUSES }) @IsIn(PLAN_ENTRY_STATUSES) status!: PlanEntryStatus;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Thời hạn triển khai (khi có kế hoạch)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  plannedDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Lý do không áp dụng' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @apply(LongText(2000))
  reason?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cách đáp ứng yêu cầu' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @apply(LongText(5000))
  description?: string | null;
}

export class ExpertOpinionDto {
  @ApiProperty({ example: 'Phòng An ninh mạng, Sở Khoa học và Công nghệ' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  unit!: string;
  @ApiProperty() @Transform(text) @IsString() @IsNotEmpty() @MaxLength(10000) summary!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  date?: string | null;
}

/** The specialised unit's opinion as stored: what the officer typed, or the Mẫu 03 answer given in capdo (ND331 Art. 20.1.d). */
export class ExpertOpinionStateDto extends ExpertOpinionDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Số văn bản cho ý kiến' }) number?: string | null;
  @ApiPropertyOptional({ enum: ['SUITABLE', 'NOT_SUITABLE'] }) conclusion?: 'SUITABLE' | 'NOT_SUITABLE';
  @ApiPropertyOptional({ type: [String], description: 'Nội dung chưa phù hợp' }) reasons?: string[];
  @ApiPropertyOptional({ description: 'Tên đăng nhập người ghi ý kiến' }) givenBy?: string;
}

export class UpdateDossierDto {
  @ApiProperty({ description: 'Phiên bản đã đọc; nếu đã có người sửa trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Thông tin xác định cấp độ (thay toàn bộ)' })
  @IsOptional()
  @IsObject()
  facts?: Record<string, unknown>;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) proposedLevel?: number;
  @ApiPropertyOptional() @IsOptional() @apply(LongText()) levelJustification?: string;
  @ApiPropertyOptional({ description: 'Ý kiến gửi đơn vị thẩm định', maxLength: MAX_NOTE_TO_APPRAISER })
  @IsOptional()
  @apply(LongText(MAX_NOTE_TO_APPRAISER))
  noteToAppraiser?: string;
  @ApiPropertyOptional({ type: DescriptionDto }) @IsOptional() @ValidateNested() @Type(() => DescriptionDto) description?: DescriptionDto;
  @ApiPropertyOptional({ type: PlanSectionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanSectionsDto)
  planSections?: PlanSectionsDto;

  @ApiPropertyOptional({ type: [PlanEntryDto], description: 'Các yêu cầu cần cập nhật (các yêu cầu khác giữ nguyên)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlanEntryDto)
  planEntries?: PlanEntryDto[];

  @ApiPropertyOptional({ type: ExpertOpinionDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => ExpertOpinionDto)
  expertOpinion?: ExpertOpinionDto | null;

  @ApiPropertyOptional({
    type: [Number],
    description: 'Hồ sơ đang bổ sung: vị trí (từ 0) các nội dung cần bổ sung đã bổ sung xong (thay cho danh sách đã đánh dấu trước)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(99, { each: true })
  returnItemsDone?: number[];
}

export class DossierListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() systemId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(24) status?: string;
}

export class AttachmentUploadDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS }) @IsIn(ATTACHMENT_KINDS) kind!: string;
}

export class MissingItemDto {
  @ApiProperty({ example: 'PLAN_REQUIREMENT_UNANSWERED' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() ref?: string;
}

export class CompletenessDto {
  @ApiProperty() complete!: boolean;
  @ApiProperty() missingCount!: number;
  @ApiProperty({ type: [MissingItemDto] }) missing!: MissingItemDto[];
  @ApiProperty({
    type: [MissingItemDto],
    description:
      'Nội dung còn thiếu nhưng không ngăn việc gửi hồ sơ, ví dụ quy chế bảo đảm an toàn, an ninh mạng: phải ban hành trước khi phê duyệt (khoản 7 Điều 9 Thông tư 12/2022/TT-BTTTT; khoản 7 Điều 30 Nghị định 331/2026/NĐ-CP)',
  })
  warnings!: MissingItemDto[];
}

export class AttachmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_KIND_LABELS), description: 'DECISION: quyết định đã ký do quy trình lưu' }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ nullable: true, type: String }) uploadedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

// Its schema is named apart from plan-items' PlanItemDto (the item after approval): same class name, another shape.
@ApiSchema({ name: 'DossierPlanItemDto' })
export class PlanItemDto {
  @ApiProperty() code!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) tcvnClause!: string | null;
  @ApiProperty({ nullable: true, enum: PLAN_ENTRY_STATUSES }) status!: string | null;
  @ApiProperty({ nullable: true, type: String }) statusLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) plannedDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
}

export class WorkflowStateDto {
  @ApiProperty({ description: 'Số lần đã gửi (phiên bản hồ sơ đã chốt gần nhất)' }) currentRevision!: number;
  @ApiProperty({ nullable: true, type: String }) appraiserName!: string | null;
  @ApiProperty({ nullable: true, type: String }) appraiserAgencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) approverName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) receivedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueKind!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueKindLabel!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Hạn trả lời tính hợp lệ, tính từ ngày nhận hồ sơ (lần gửi gần nhất)',
  })
  validityDueOn!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Căn cứ của hạn trả lời tính hợp lệ (Nghị định 85: mục tiêu nội bộ)' })
  validityDueLabel!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Hạn thẩm định, tính từ ngày nhận đủ hồ sơ hợp lệ (ngày gửi/gửi lại)',
  })
  appraisalDueOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) appraisalDueLabel!: string | null;
  @ApiProperty({ description: 'Còn trong thời hạn yêu cầu bổ sung (khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)' }) returnOpen!: boolean;
  @ApiProperty({ type: [UnconfirmedDayDto], description: 'Ngày nghỉ lễ, làm bù chưa được xác nhận nguồn mà thời hạn đang chạy tính qua' })
  unconfirmedDays!: { day: string; name: string }[];
  @ApiProperty({ nullable: true, type: String }) calendarWarning!: string | null;
  @ApiProperty({
    nullable: true,
    type: [String],
    description: 'Những nội dung cần bổ sung của lần yêu cầu bổ sung gần nhất (giữ lại khi gửi lại để đơn vị thẩm định đối chiếu)',
  })
  returnItems!: string[] | null;
  @ApiProperty({ type: [Number], description: 'Vị trí (từ 0) các nội dung cần bổ sung đã được đánh dấu "đã bổ sung"' })
  returnItemsDone!: number[];
  @ApiProperty({ nullable: true, type: AppraisalDto, description: 'Kết quả thẩm định' }) appraisal!: AppraisalDto | null;
  @ApiProperty({ nullable: true, type: DecisionRecordDto, description: 'Quyết định phê duyệt cấp độ' }) decision!: DecisionRecordDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt!: string | null;
  @ApiProperty({ enum: PROCEDURE_PATHS, description: 'Trình tự theo cấp độ (Điều 18, 20 Nghị định 331/2026/NĐ-CP)' })
  procedurePath!: string;
  @ApiProperty() procedurePathLabel!: string;
  @ApiProperty({ description: 'Thuộc (hoặc đã đề nghị đưa vào) Danh mục hệ thống thông tin quan trọng về an ninh quốc gia' })
  onNationalList!: boolean;
  @ApiProperty({ nullable: true, type: String }) specialisedUnitAgencyId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Đơn vị chuyên trách cho ý kiến chuyên môn (Mẫu 03)' })
  specialisedUnitName!: string | null;
  @ApiProperty({ nullable: true, type: OpinionRequestDto, description: 'Mẫu 03 đã gửi: ngày gửi, đơn vị nhận' })
  opinionRequest!: OpinionRequestDto | null;
  @ApiProperty({ nullable: true, type: ApprovalRequestDto, description: 'Tờ trình (Mẫu 05): ngày chủ quản nhận, số' })
  approvalRequest!: ApprovalRequestDto | null;
  @ApiProperty({ nullable: true, type: PlanDecisionRecordDto, description: 'Quyết định phê duyệt phương án (Mẫu 07)' })
  planDecision!: PlanDecisionRecordDto | null;
  @ApiProperty({ nullable: true, type: NationalListingDto, description: 'Đề nghị đưa vào Danh mục; quyết định của Thủ tướng Chính phủ' })
  nationalListing!: NationalListingDto | null;
  @ApiProperty({
    nullable: true,
    type: IndependentAppraiserStateDto,
    description: 'Đơn vị hoặc Hội đồng thẩm định độc lập (khoản 4 Điều 18)',
  })
  independentAppraiser!: IndependentAppraiserStateDto | null;
}

export class DossierDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: RefDto }) system!: RefDto;
  @ApiProperty({ type: RefDto }) owner!: RefDto;
  @ApiProperty({ type: RefDto }) operator!: RefDto;
  @ApiProperty({ description: 'Tỉnh của cơ quan chủ quản', example: 'SL' }) provinceCode!: string;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() regime!: string;
  @ApiProperty() rulebookVersion!: string;
  @ApiProperty() catalogueId!: string;
  @ApiProperty() transitionalProject!: boolean;
  @ApiProperty({ type: ClassificationDto }) classification!: ClassificationDto;
  @ApiProperty({ nullable: true, type: Number }) computedLevel!: number | null;
  @ApiProperty() levelUndetermined!: boolean;
  @ApiProperty() proposedLevel!: number;
  @ApiProperty() levelJustification!: string;
  @ApiProperty({ description: 'Ý kiến của đơn vị lập hồ sơ gửi đơn vị thẩm định' }) noteToAppraiser!: string;
  @ApiProperty() designKind!: string;
  @ApiProperty() designKindLabel!: string;
  // Typed `object` for the web forms, which read it as a record of texts; its schema is DossierDescriptionDto.
  @ApiProperty({ type: DossierDescriptionDto }) description!: object;
  @ApiProperty({ type: [PlanSectionTextDto] }) planSections!: PlanSectionTextDto[];
  @ApiProperty({ type: [PlanItemDto] }) plan!: PlanItemDto[];
  @ApiProperty({ nullable: true, type: ExpertOpinionStateDto }) expertOpinion!: ExpertOpinionDto | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiProperty({ type: WorkflowStateDto }) workflow!: WorkflowStateDto;

  @ApiPropertyOptional({
    enum: DOSSIER_ACTIONS,
    isArray: true,
    description:
      'Thao tác người dùng hiện tại được thực hiện trên hồ sơ ở trạng thái này (theo bảng chuyển trạng thái và vai trò của họ với hồ sơ)',
  })
  availableActions?: DossierAction[];

  @ApiPropertyOptional({
    type: [MissingItemDto],
    description: 'Chỉ trong kết quả gửi hồ sơ: nội dung còn thiếu nhưng không ngăn việc gửi (ví dụ quy chế, phải có trước khi phê duyệt)',
  })
  warnings?: MissingItemDto[];

  @ApiPropertyOptional({
    type: RegimeChangeDto,
    description:
      'Chỉ trong kết quả gửi hồ sơ: hồ sơ đã được xác định lại theo Nghị định áp dụng tại ngày gửi (Khoản 2 Điều 58 Luật số 64/2025/QH15), nội dung thay đổi',
  })
  regimeChange?: RegimeChangeDto;

  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DossierSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: RefDto }) system!: RefDto;
  @ApiProperty({ type: RefDto }) owner!: RefDto;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() regime!: string;
  @ApiProperty() proposedLevel!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DossierPageDto {
  @ApiProperty({ type: [DossierSummaryDto] }) items!: DossierSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
