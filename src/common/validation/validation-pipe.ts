import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldErrors } from '../errors/domain-error';
import { jsonShapeIssue } from '../objects';

/** Vietnamese messages for class-validator constraints; unknown constraints keep their default text. */
const MESSAGES: Record<string, (args: string) => string> = {
  whitelistValidation: () => 'trường này không được phép',
  isString: () => 'phải là chuỗi ký tự',
  isNotEmpty: () => 'không được để trống',
  isDefined: () => 'bắt buộc phải có',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là true hoặc false',
  isEnum: (allowed) => `giá trị không hợp lệ${allowed ? `; cho phép: ${allowed}` : ''}`,
  isIn: (allowed) => `giá trị không hợp lệ${allowed ? `; cho phép: ${allowed}` : ''}`,
  isUuid: () => 'phải là mã định danh UUID',
  isDateString: () => 'phải là ngày dạng YYYY-MM-DD',
  isIso8601: () => 'phải là ngày dạng YYYY-MM-DD',
  matches: () => 'không đúng định dạng',
  maxLength: (n) => `dài tối đa ${n} ký tự`,
  minLength: (n) => `cần ít nhất ${n} ký tự`,
  min: (n) => `không được nhỏ hơn ${n}`,
  max: (n) => `không được lớn hơn ${n}`,
  isObject: () => 'phải là một đối tượng',
  isArray: () => 'phải là một mảng',
  arrayMaxSize: (n) => `tối đa ${n} phần tử`,
  nestedValidation: () => 'không hợp lệ',
};

const BASIC = [
  'whitelistValidation',
  'isDefined',
  'isObject',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isUuid',
  'isEnum',
  'isIn',
  'isDateString',
];

function priority(constraint: string): number {
  const index = BASIC.indexOf(constraint);
  return index === -1 ? BASIC.length : index;
}

function argumentOf(message: string): string {
  const list = /one of the following values: (.*)$/.exec(message);
  if (list) return list[1];
  const number = /(-?\d+(?:\.\d+)?)/.exec(message);
  return number ? number[1] : '';
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    // One message per field, the most basic first: a number sent for a text field is "not text", not "too long".
    const [first] = Object.entries(error.constraints ?? {}).sort(([a], [b]) => priority(a) - priority(b));
    if (first) {
      const [constraint, message] = first;
      const translate = MESSAGES[constraint];
      result[field] = [translate ? translate(argumentOf(message)) : message];
    }
    Object.assign(result, flattenValidationErrors(error.children ?? [], field));
  }
  return result;
}

/** Deeper than any body or query of the API (a dossier's plan entries sit 3 levels down). */
const MAX_INPUT_DEPTH = 32;

/**
 * Before the DTO transformation, refuses input nested deeper than MAX_INPUT_DEPTH (class-transformer's recursion
 * would overflow the stack on it: a 500) and keys such as `__proto__`, `constructor` or `prototype`, which Nest
 * and class-transformer would drop silently where every other unknown field is refused.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const issue = jsonShapeIssue(value, MAX_INPUT_DEPTH);
      if (issue?.kind === 'too-deep') throw new DomainError('BAD_REQUEST', `Dữ liệu gửi lên lồng nhau quá ${MAX_INPUT_DEPTH} mức.`);
      if (issue)
        throw new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ.', { [issue.path]: [MESSAGES.whitelistValidation('')] });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ.', flattenValidationErrors(errors)),
  });
}
