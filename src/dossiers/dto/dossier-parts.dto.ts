import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { REGIMES } from '../../classification/rules/classification.types';
import { EvaluationResultDto } from '../../classification/dto/evaluate.dto';
import { DescriptionDto } from './dossier-description.dto';

/**
 * The nested objects a dossier's answer carries, as dossier.mapper.ts returns them (the shapes of dossier.entity.ts's
 * jsonb columns), so that a client generated from the OpenAPI document knows each field. Response-only: no validation.
 */

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SXD' }) code!: string;
  @ApiProperty({ example: 'Sở Xây dựng' }) name!: string;
}

export class DescriptionComponentDto {
  @ApiProperty({ example: 'Cổng dịch vụ công' }) name!: string;
  @ApiPropertyOptional() description?: string;
}

/** The explanatory report as stored: the editable fields plus the components copied from the system. */
export class DossierDescriptionDto extends DescriptionDto {
  @ApiProperty({ type: [DescriptionComponentDto], description: 'Các thành phần của hệ thống' }) components!: DescriptionComponentDto[];
}

export class PlanSectionTextDto {
  @ApiProperty({ example: 'a' }) key!: string;
  @ApiProperty({ example: '(a) An toàn trong thiết kế, xây dựng' }) title!: string;
  @ApiProperty() text!: string;
}

/** The evaluation as the dossier keeps it (the classification endpoint adds the day it was asked for; here that is `asOf` above). */
export class StoredEvaluationDto extends OmitType(EvaluationResultDto, ['asOf'] as const) {}

export class ClassificationDto {
  @ApiProperty({ format: 'date', description: 'Ngày áp dụng bộ tiêu chí' }) asOf!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Thông tin xác định cấp độ đã khai (các trường của bảng hỏi, xem GET /api/v1/classification/questionnaire)',
  })
  facts!: object;
  @ApiProperty({ type: StoredEvaluationDto }) result!: StoredEvaluationDto;
}

export class UnconfirmedDayDto {
  @ApiProperty({ format: 'date', example: '2026-09-02' }) day!: string;
  @ApiProperty({ example: 'Quốc khánh' }) name!: string;
}

export class AppraisalDto {
  @ApiProperty({ enum: ['SUITABLE', 'NOT_SUITABLE'] }) conclusion!: 'SUITABLE' | 'NOT_SUITABLE';
  @ApiProperty() opinions!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: 'integer', description: 'Lần gửi được thẩm định' }) revision!: number;
  @ApiProperty() appraiserName!: string;
  @ApiProperty({ description: 'Tên đăng nhập người ghi kết quả thẩm định' }) appraisedBy!: string;
  @ApiProperty({ format: 'date-time' }) appraisedAt!: string;
}

export class DecisionRecordDto {
  @ApiProperty({ example: '123/QĐ-UBND' }) number!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signerTitle!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) level!: number;
  @ApiProperty() issuer!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ description: 'Tên đăng nhập người ghi quyết định' }) approvedBy!: string;
}

export class OpinionRequestDto {
  @ApiProperty({ format: 'date', description: 'Ngày gửi Mẫu 03' }) requestedOn!: string;
  @ApiProperty({ description: 'Đơn vị chuyên trách nhận' }) unitName!: string;
}

export class ApprovalRequestDto {
  @ApiProperty({ format: 'date', description: 'Ngày chủ quản nhận tờ trình' }) submittedOn!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
}

export class PlanDecisionRecordDto {
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signerTitle!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ description: 'Tên đăng nhập người ghi quyết định' }) approvedBy!: string;
}

export class NationalListingDto {
  @ApiProperty({ nullable: true, type: String, description: 'Số văn bản đề nghị của chủ quản (Điều 17)' }) requestNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) requestDate!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Tên đăng nhập người ghi đề nghị' }) requestedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Số quyết định của Thủ tướng Chính phủ' }) decisionNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) decisionDate!: string | null;
}

export class CouncilMemberRefDto {
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
}

export class IndependentAppraiserStateDto {
  @ApiProperty({ enum: ['UNIT', 'COUNCIL'] }) kind!: 'UNIT' | 'COUNCIL';
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) agencyId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty({ format: 'date' }) decisionDate!: string;
  @ApiProperty({ type: [CouncilMemberRefDto] }) members!: CouncilMemberRefDto[];
  @ApiProperty({ description: 'Tên đăng nhập người ghi' }) recordedBy!: string;
}

export class LevelChangeDto {
  @ApiProperty({ nullable: true, type: 'integer' }) from!: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) to!: number | null;
}

export class TextChangeDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class NeededFactDto {
  @ApiProperty({ example: 'facts.handlesAdminProcedures' }) field!: string;
  @ApiProperty() question!: string;
}

export class InvalidFactDto {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

/** regime-at-act.ts's RegimeChange: the dossier re-evaluated under the regime of the day it is sent. */
export class RegimeChangeDto {
  @ApiProperty({ format: 'date' }) actDate!: string;
  @ApiProperty({ enum: REGIMES }) from!: string;
  @ApiProperty({ enum: REGIMES }) to!: string;
  @ApiProperty({
    enum: ['ND85_IN_FORCE', 'ND331_IN_FORCE', 'ND331_ART_39_1_WINDOW', 'ND331_AFTER_ART_39_1_WINDOW'],
    description: 'Căn cứ xác định Nghị định áp dụng',
  })
  basis!: string;
  @ApiProperty() transitional!: boolean;
  @ApiProperty({ type: TextChangeDto }) rulebookVersion!: TextChangeDto;
  @ApiProperty({ type: TextChangeDto }) catalogueId!: TextChangeDto;
  @ApiProperty({ type: LevelChangeDto }) computedLevel!: LevelChangeDto;
  @ApiProperty() undetermined!: boolean;
  @ApiProperty({ type: 'integer' }) proposedLevel!: number;
  @ApiProperty() proposalBelowCriteria!: boolean;
  @ApiProperty({ type: [NeededFactDto] }) neededFacts!: NeededFactDto[];
  @ApiProperty({ type: [InvalidFactDto] }) invalidFacts!: InvalidFactDto[];
  @ApiProperty({ type: [String] }) toJustify!: string[];
  @ApiProperty() automatic!: boolean;
  @ApiProperty() message!: string;
}
