import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors } from '../common/errors/domain-error';
import { EvaluateRequestDto, EvaluationResultDto, QuestionnaireDto, QuestionnaireQuery, RulebookDto } from './dto/evaluate.dto';
import { ClassificationFacts, Regime } from './rules/classification.types';
import { evaluate } from './rules/evaluator';
import { validateFacts } from './rules/facts-validation';
import { questionnaireFor } from './rules/questionnaire';
import { isIsoDate, ND85_EFFECTIVE_FROM, regimeFor, RULEBOOKS } from './rules/regime';

@Injectable()
export class ClassificationService {
  constructor(private readonly clock: Clock) {}

  evaluate(dto: EvaluateRequestDto): EvaluationResultDto {
    const asOf = dto.asOf ?? this.clock.today();
    const regime = dto.regime ?? this.regimeOn(asOf, dto.transitionalProject, 'asOf');
    const errors = validateFacts(dto.facts, regime);
    if (errors.length > 0) {
      const fields: FieldErrors = {};
      for (const error of errors) (fields[error.field] ??= []).push(error.message);
      throw new DomainError('CLASSIFICATION_FACTS_INVALID', 'Một số câu trả lời chưa hợp lệ hoặc mâu thuẫn nhau.', fields);
    }
    return { ...evaluate(dto.facts as unknown as ClassificationFacts, regime), asOf };
  }

  questionnaire(query: QuestionnaireQuery): QuestionnaireDto {
    const regime = query.regime ?? this.regimeOn(query.asOf ?? this.clock.today(), false, 'asOf');
    const rulebook = RULEBOOKS[regime];
    return { regime, rulebookVersion: rulebook.version, title: rulebook.title, questions: questionnaireFor(regime) };
  }

  rulebook(regime: Regime): RulebookDto {
    const { version, title, effectiveFrom, effectiveTo, rules } = RULEBOOKS[regime];
    return {
      regime,
      version,
      title,
      effectiveFrom,
      effectiveTo,
      rules: rules.map(({ id, article, level, reason }) => ({ id, article, level, reason })),
    };
  }

  private regimeOn(asOf: string, transitionalProject: boolean | undefined, field: string): Regime {
    if (!isIsoDate(asOf) || asOf < ND85_EFFECTIVE_FROM) {
      throw new DomainError('VALIDATION_FAILED', 'Ngày xét không hợp lệ.', {
        [field]: [`phải là ngày có thật, từ ${ND85_EFFECTIVE_FROM} trở đi`],
      });
    }
    return regimeFor(asOf, { transitionalProject });
  }
}
