import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, FieldErrors } from './domain-error';
import { ERROR_CODES, ErrorCode } from './error-codes';

/** RFC 9457 problem details, with the product's stable `code` and field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: FieldErrors;
  [extra: string]: unknown;
}

export function problem(code: ErrorCode, detail?: string, errors?: FieldErrors, extra?: Record<string, unknown>): Problem {
  const { status, title } = ERROR_CODES[code];
  return { type: `https://capdo.gov.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, ...(errors ? { errors } : {}), ...extra };
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'VERSION_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL errors that bad input can still cause; anything else is a 500. */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'DUPLICATE',
  '22P02': 'BAD_REQUEST',
  '22003': 'BAD_REQUEST',
  '22007': 'BAD_REQUEST',
  '22008': 'BAD_REQUEST',
  '22001': 'BAD_REQUEST',
  '22021': 'BAD_REQUEST',
  '23503': 'VALIDATION_FAILED',
  '23514': 'VALIDATION_FAILED',
};

export function toProblem(exception: unknown): Problem {
  if (exception instanceof DomainError) return problem(exception.code, exception.detail, exception.errors, exception.extra);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    if (status === 404 && typeof message === 'string' && message.startsWith('Cannot ')) {
      return problem('ROUTE_NOT_FOUND', `Không có địa chỉ ${message.replace(/^Cannot /, '')}.`);
    }
    const code = STATUS_CODES[status];
    if (code) return problem(code, typeof message === 'string' ? undefined : undefined);
    return { ...problem(status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), status };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError?.code ?? '';
    const code = PG_CODES[pgCode];
    if (code) return problem(code, code === 'DUPLICATE' ? 'Giá trị này đã được dùng cho một bản ghi khác.' : undefined);
  }
  return problem('INTERNAL_ERROR', 'Đã xảy ra lỗi ngoài dự kiến. Vui lòng thử lại hoặc báo quản trị viên kèm mã tham chiếu.');
}

/** Errors raised by the JSON body parser before a request reaches a controller. */
export function bodyParserProblem(error: { type?: string; status?: number }): Problem {
  switch (error.type) {
    case 'entity.too.large':
      return problem('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên vượt quá giới hạn cho phép.');
    case 'entity.parse.failed':
      return problem('MALFORMED_JSON', 'Không đọc được nội dung JSON của yêu cầu.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem('UNSUPPORTED_MEDIA_TYPE', 'Chỉ chấp nhận JSON mã hóa UTF-8.');
    default:
      return problem('BAD_REQUEST', 'Không đọc được nội dung của yêu cầu.');
  }
}
