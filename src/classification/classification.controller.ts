import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators';
import { notFound } from '../common/errors/domain-error';
import { ClassificationService } from './classification.service';
import { EvaluateRequestDto, EvaluationResultDto, QuestionnaireDto, QuestionnaireQuery, RulebookDto } from './dto/evaluate.dto';
import { Regime, REGIMES } from './rules/classification.types';

// eslint-disable-next-line no-useless-assignment -- read by the @Param decorator below, which the rule does not see
const regimePipe = new ParseEnumPipe(Object.fromEntries(REGIMES.map((r) => [r, r])), {
  exceptionFactory: () => notFound('Không có bộ quy tắc này.'),
});

@ApiTags('Xác định cấp độ')
@Controller('api/v1/classification')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  @Post('evaluate')
  @HttpCode(200)
  @RequirePermission('classification:use')
  @ApiOperation({ summary: 'Xác định cấp độ từ các thông tin về hệ thống, kèm điều khoản làm căn cứ' })
  @ApiOkResponse({ type: EvaluationResultDto })
  @ApiUnprocessableEntityResponse({ description: 'Thông tin không hợp lệ hoặc mâu thuẫn (nêu rõ trường)' })
  evaluate(@Body() body: EvaluateRequestDto): EvaluationResultDto {
    return this.classification.evaluate(body);
  }

  @Get('questionnaire')
  @RequirePermission('classification:use')
  @ApiOperation({ summary: 'Bộ câu hỏi hướng dẫn xác định cấp độ (theo nghị định áp dụng)' })
  @ApiOkResponse({ type: QuestionnaireDto })
  questionnaire(@Query() query: QuestionnaireQuery): QuestionnaireDto {
    return this.classification.questionnaire(query);
  }

  @Get('rulebooks/:regime')
  @RequirePermission('classification:use')
  @ApiOperation({ summary: 'Các tiêu chí xác định cấp độ của một nghị định, kèm điều khoản' })
  @ApiParam({ name: 'regime', enum: REGIMES, description: 'Nghị định: ND85 (85/2016/NĐ-CP) hoặc ND331 (331/2026/NĐ-CP)' })
  @ApiOkResponse({ type: RulebookDto })
  rulebook(@Param('regime', regimePipe) regime: Regime): RulebookDto {
    return this.classification.rulebook(regime);
  }
}
