import { HttpException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
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
  return {
    type: `https://capdo.gov.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
    ...extra,
  };
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
  if (databaseUnavailable(exception)) {
    return problem('SERVICE_UNAVAILABLE', 'Cơ sở dữ liệu tạm thời không kết nối được. Vui lòng thử lại sau ít giây.', undefined, {
      retryAfterSeconds: 5,
    });
  }
  return problem('INTERNAL_ERROR', 'Đã xảy ra lỗi ngoài dự kiến. Vui lòng thử lại hoặc báo quản trị viên kèm mã tham chiếu.');
}

/** PostgreSQL restarting or out of reach: connection errors, admin/crash shutdown, "not yet accepting connections". */
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * A request that failed because the database went away is a 503 (retry later, with Retry-After), not a 500: nothing
 * is wrong with the request or the code. Seen when PostgreSQL is killed or restarted under load
 * (test/reliability/crash.e2e-spec.ts). The transaction was rolled back, or (connection lost during COMMIT) its outcome
 * is unknown: a versioned write retried gets 409 if it did commit.
 */
function databaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  if (!error || typeof error !== 'object') return false;
  // TypeORM releases a transaction's connection when it breaks; the transaction's next query then fails with these.
  if (exception instanceof QueryRunnerAlreadyReleasedError || exception instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const codes = [error.code, error.driverError?.code].filter((c): c is string => typeof c === 'string');
  if (codes.some((c) => UNAVAILABLE_PG_CODES.has(c) || UNAVAILABLE_NET_CODES.has(c) || c.startsWith('08'))) return true;
  const message = `${String(error.message ?? '')} ${String(error.driverError?.message ?? '')}`;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
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
