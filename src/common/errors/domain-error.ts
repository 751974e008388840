import { ErrorCode } from './error-codes';

export type FieldErrors = Record<string, string[]>;

/** An expected failure of a use case: the filter turns it into problem+json with its code's status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? code);
  }
}

export const notFound = (detail = 'Không tìm thấy bản ghi.'): DomainError => new DomainError('NOT_FOUND', detail);
export const versionConflict = (): DomainError =>
  new DomainError('VERSION_CONFLICT', 'Bản ghi đã được cập nhật sau khi bạn mở nó. Hãy tải lại và nhập lại thay đổi.');
