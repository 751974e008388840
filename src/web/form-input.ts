import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, FieldErrors } from '../common/errors/domain-error';
import { flattenValidationErrors } from '../common/validation/validation-pipe';
import { parseDate } from './view-helpers';

/** A form body as the urlencoded parser gives it. */
export type FormBody = Record<string, string | string[] | undefined>;

/** What a page shows above and beside the fields after a refused post: the API's own messages, by field. */
export interface FormFailure {
  message: string;
  errors: FieldErrors;
  missing?: { code: string; message: string; ref?: string }[];
}

/** A form read into the plain shape of an API DTO, with the reading errors (dates, numbers) for `validated`. */
export interface FormDraft {
  plain: Record<string, unknown>;
  reader: FormReader;
}

/** Validates a DTO built from a form with the API's own DTO class and messages (same rules as the JSON API). */
export async function validated<T extends object>(type: new () => T, plain: object, reader?: FormReader): Promise<T> {
  const dto = plainToInstance(type, plain);
  const errors = {
    ...flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })),
    ...(reader?.errors ?? {}),
  };
  if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ, xem các ô được đánh dấu.', errors);
  return dto;
}

/** The expected refusals of a use case become a form failure; anything else goes on to the error page. */
export function formFailure(error: unknown): FormFailure {
  if (!(error instanceof DomainError) || error.code === 'UNAUTHENTICATED' || error.code === 'NOT_FOUND') throw error;
  const missing = (error.extra as { missing?: FormFailure['missing'] } | undefined)?.missing;
  const errors = Object.fromEntries(Object.entries(error.errors ?? {}).map(([field, messages]) => [field, messages.map(forPeople)]));
  return { message: error.detail ?? error.message, errors, ...(missing ? { missing } : {}) };
}

/** A refusal in one line, for a flash message after a redirect: the message, then each field's reason. */
export function formFailureText(error: unknown): string {
  const failure = formFailure(error);
  const details = Object.values(failure.errors ?? {}).flat();
  return details.length ? `${failure.message} (${details.join('; ')})` : failure.message;
}

/**
 * The API's field messages are written for integrators ("cho phép: INTERNAL, CITIZEN_BUSINESS"); on a page the
 * officer picked from labelled choices, so name the fix instead of the codes. Untranslated validator text too.
 */
export function forPeople(message: string): string {
  if (/^giá trị không hợp lệ; cho phép:/.test(message)) return 'hãy chọn một trong các lựa chọn';
  const atLeast = /must contain at least (\d+) elements?/.exec(message);
  if (atLeast) return atLeast[1] === '1' ? 'hãy chọn ít nhất một mục' : `hãy chọn ít nhất ${atLeast[1]} mục`;
  if (/^[\x20-\x7e]+$/.test(message) && /\b(must|should|is not)\b/.test(message)) return 'giá trị không hợp lệ';
  return message;
}

/** Collects field errors found while reading the form (dates, numbers) before the DTO is validated. */
export class FormReader {
  readonly errors: FieldErrors = {};

  constructor(private readonly body: FormBody) {}

  raw(name: string): string | undefined {
    const value = this.body[name];
    return Array.isArray(value) ? value[value.length - 1] : value;
  }

  /** Trimmed text; blank → undefined (or null when `blankAs` is null, to clear a value). */
  text(name: string, blankAs: null | undefined = undefined): string | null | undefined {
    const value = this.raw(name)?.trim();
    return value ? value : blankAs;
  }

  list(name: string): string[] {
    const value = this.body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== '');
  }

  int(name: string, blankAs: null | undefined = undefined): number | null | undefined {
    const value = this.raw(name)
      ?.trim()
      .replace(/[.\s](?=\d{3}\b)/g, '');
    if (!value) return blankAs;
    if (!/^-?\d+$/.test(value)) {
      this.errors[name] = ['phải là số nguyên'];
      return undefined;
    }
    return Number(value);
  }

  bool(name: string): boolean | null | undefined {
    const value = this.raw(name);
    return value === 'true' ? true : value === 'false' ? false : value === 'null' ? null : undefined;
  }

  date(name: string, blankAs: null | undefined = undefined): string | null | undefined {
    const parsed = parseDate(this.raw(name));
    if (!parsed.ok) {
      this.errors[name] = [parsed.message];
      return undefined;
    }
    return parsed.value ?? blankAs;
  }

  /** Throws the reading errors together, the way the API reports a 422. */
  check(): void {
    if (Object.keys(this.errors).length)
      throw new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ, xem các ô được đánh dấu.', this.errors);
  }
}
