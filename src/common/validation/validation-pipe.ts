import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldErrors } from '../errors/domain-error';

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

const BASIC = ['whitelistValidation', 'isDefined', 'isObject', 'isArray', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isUuid', 'isEnum', 'isIn', 'isDateString'];

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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ.', flattenValidationErrors(errors)),
  });
}
