import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, Matches } from 'class-validator';
import { REGIMES, Regime } from '../rules/classification.types';

export class EvaluateRequestDto {
  @ApiPropertyOptional({ enum: REGIMES, description: 'Bỏ trống để chọn theo ngày (asOf)' })
  @IsOptional()
  @IsIn(REGIMES)
  regime?: Regime;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-25', description: 'Ngày xét (mặc định: hôm nay theo giờ Việt Nam)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Dự án đầu tư, xây dựng trước 01/7/2026 (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)' })
  @IsOptional()
  @IsBoolean()
  transitionalProject?: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Các thông tin về hệ thống (systemType, infoTypes, …, components); xem GET /api/v1/classification/questionnaire. Theo Nghị định 331/2026/NĐ-CP còn có nationalSecurityCriteria, nationalSecurityFields, nationalSecurityConsequences (Điều 16).',
    example: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true },
  })
  @IsObject()
  facts!: Record<string, unknown>;
}

export class MatchedRuleDto {
  @ApiProperty({ example: 'R9' }) id!: string;
  @ApiProperty({ example: 'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP' }) article!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) level!: number;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ example: 'components[0]' }) componentPath?: string;
}

export class NationalSecurityListDto {
  @ApiProperty({
    description: 'Cấp độ 5 hoặc đáp ứng tiêu chí Điều 16 Nghị định 331/2026/NĐ-CP: hồ sơ theo trình tự của cấp độ 5 (khoản 4 Điều 20)',
  })
  meets!: boolean;
  @ApiProperty({ type: [String], description: 'Các tiêu chí đáp ứng, kèm điều khoản' }) criteria!: string[];
}

export class ComponentEvaluationDto {
  @ApiProperty({ example: 'components[0]' }) componentPath!: string;
  @ApiProperty({ nullable: true, type: 'integer', minimum: 1, maximum: 5 }) level!: number | null;
  @ApiProperty() undetermined!: boolean;
  @ApiProperty({ type: [MatchedRuleDto] }) matchedRules!: MatchedRuleDto[];
  @ApiPropertyOptional({ type: [String] }) manualJustification?: string[];
  @ApiPropertyOptional({ type: () => [ComponentEvaluationDto], description: 'Các thành phần con' })
  componentResults?: ComponentEvaluationDto[];
}

export class EvaluationResultDto {
  @ApiProperty({ enum: REGIMES }) regime!: Regime;
  @ApiProperty() rulebookVersion!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) level!: number | null;
  @ApiProperty() undetermined!: boolean;
  @ApiProperty({ type: [MatchedRuleDto] }) matchedRules!: MatchedRuleDto[];
  @ApiPropertyOptional({ type: [String] }) manualJustification?: string[];
  @ApiProperty({ type: [String] }) assumptions!: string[];
  @ApiPropertyOptional({ description: 'Chỉ theo Nghị định 331/2026/NĐ-CP; bằng nationalSecurityList.meets' })
  onNationalSecurityList?: boolean;
  @ApiPropertyOptional({ type: NationalSecurityListDto, description: 'Chỉ theo Nghị định 331/2026/NĐ-CP (Điều 16)' })
  nationalSecurityList?: NationalSecurityListDto;
  @ApiPropertyOptional({ type: [ComponentEvaluationDto] }) componentResults?: ComponentEvaluationDto[];
}

export class QuestionnaireQuery {
  @ApiPropertyOptional({ enum: REGIMES }) @IsOptional() @IsIn(REGIMES) regime?: Regime;
  @ApiPropertyOptional({ format: 'date', example: '2026-11-25' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  asOf?: string;
}

export class QuestionOptionDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }] }) value!: string | number;
  @ApiProperty() label!: string;
}

export class QuestionDto {
  @ApiProperty({ example: 'systemType', description: 'Tên trường trong facts' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() help!: string;
  @ApiPropertyOptional({ type: [String] }) examples?: string[];
  @ApiProperty({ enum: ['single', 'multi', 'boolean', 'integer', 'level'] }) answerType!: string;
  @ApiPropertyOptional({ type: [QuestionOptionDto] }) options?: QuestionOptionDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Chỉ hỏi khi điều kiện đúng: { field, in?, equals?, includesAny? }, hoặc { anyOf: [...] } / { allOf: [...] }',
  })
  askWhen?: object;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ description: 'Bảng hỏi từng bước không cho bỏ qua (dù API chấp nhận thông tin thiếu câu này)' })
  mandatoryInQuestionnaire?: boolean;
}

export class QuestionnaireDto {
  @ApiProperty({ enum: REGIMES }) regime!: Regime;
  @ApiProperty() rulebookVersion!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [QuestionDto], description: 'Câu hỏi theo thứ tự; id của câu hỏi là tên trường trong facts' })
  questions!: QuestionDto[];
}

export class RuleDto {
  @ApiProperty() id!: string;
  @ApiProperty() article!: string;
  @ApiProperty() level!: number;
  @ApiProperty() reason!: string;
}

export class RulebookDto {
  @ApiProperty({ enum: REGIMES }) regime!: Regime;
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiPropertyOptional() effectiveTo?: string;
  @ApiProperty({ type: [RuleDto] }) rules!: RuleDto[];
}
