import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { from, Observable } from 'rxjs';
import { finalize, mergeMap } from 'rxjs/operators';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { isRefusal, LimitRefusal, RequestLimiter } from './request-limiter';

/**
 * Costly work, limited per user and per instance (README "Giới hạn tải"):
 * - `import`: reading and checking an uploaded inventory file — one per user at a time;
 * - `file`: building a report file, the annual report, an export or a dossier document.
 */
export type LimitedWork = 'import' | 'file';

interface LimitOptions {
  work: LimitedWork;
  /** Only requests it accepts are limited (e.g. a report asked for as a file, not as JSON). */
  when?: (req: Request) => boolean;
}

const LIMIT_KEY = 'capdo:request-limit';
/** How long a file request waits for its turn before it is answered 429. */
const FILE_WAIT_MS = 15_000;

/** The limiters of this process, one per kind of work, sized from the configuration. */
@Injectable()
export class RequestLimits {
  private readonly limiters: Record<LimitedWork, RequestLimiter>;

  constructor(config: AppConfig) {
    this.limiters = {
      import: new RequestLimiter({ perUser: 1, total: config.IMPORTS_AT_ONCE, waitMs: 0, perMinute: 0, typicalSeconds: 10 }),
      // Files are built on the one JavaScript thread (an annual PDF holds it for 150–800 ms): more at once would not
      // build them sooner, only keep every other request waiting behind several of them. So they take turns.
      file: new RequestLimiter({
        perUser: config.FILE_REQUESTS_PER_USER,
        total: config.FILE_REQUESTS_AT_ONCE,
        waitMs: FILE_WAIT_MS,
        perMinute: config.FILE_REQUESTS_PER_MINUTE,
        typicalSeconds: 2,
      }),
    };
  }

  of(work: LimitedWork): RequestLimiter {
    return this.limiters[work];
  }
}

function refusal(work: LimitedWork, { reason, retryAfterSeconds: seconds }: LimitRefusal): DomainError {
  const detail =
    reason === 'rate'
      ? `Bạn đã yêu cầu tạo quá nhiều tệp (báo cáo, văn bản, dữ liệu xuất) trong thời gian ngắn. Thử lại sau ${seconds} giây.`
      : reason === 'server-busy'
        ? `Máy chủ đang ${work === 'import' ? 'nhập tệp của người dùng khác' : 'bận tạo tệp cho nhiều người dùng'}. Thử lại sau khoảng ${seconds} giây.`
        : work === 'import'
          ? `Tài khoản của bạn đang có một lần nhập tệp chưa xong; mỗi lúc chỉ nhập một tệp. Thử lại sau khoảng ${seconds} giây.`
          : `Tài khoản của bạn đang có nhiều yêu cầu tạo tệp chưa xong. Chờ các tệp đó tải xong rồi thử lại sau khoảng ${seconds} giây.`;
  return new DomainError('TOO_MANY_REQUESTS', detail, undefined, { retryAfterSeconds: seconds });
}

/** Takes a slot of the route's limiter for the signed-in user before the handler runs (and before an upload is read). */
@Injectable()
export class RequestLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RequestLimits,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<LimitOptions | undefined>(LIMIT_KEY, context.getHandler());
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    if (!options || !req.user || (options.when && !options.when(req))) return next.handle();
    return from(this.limits.of(options.work).acquire(req.user.id)).pipe(
      mergeMap((result) => {
        if (isRefusal(result)) throw refusal(options.work, result);
        return next.handle().pipe(finalize(result.release));
      }),
    );
  }
}

/**
 * Limits a route's costly work per user and per instance (429 TOO_MANY_REQUESTS with Retry-After beyond). Put it
 * below an upload's `@UseInterceptors(FileInterceptor…)`: decorators apply from the bottom up, so its interceptor then
 * runs first and a refused request is answered before its file is read.
 */
export const LimitedPerUser = (work: LimitedWork, when?: LimitOptions['when']) =>
  applyDecorators(
    SetMetadata(LIMIT_KEY, { work, when } satisfies LimitOptions),
    UseInterceptors(RequestLimitInterceptor),
    ApiTooManyRequestsResponse({
      description:
        work === 'import'
          ? 'TOO_MANY_REQUESTS: tài khoản đang có một lần nhập chưa xong, hoặc máy chủ đang nhập tệp khác (kèm Retry-After)'
          : 'TOO_MANY_REQUESTS: quá nhiều yêu cầu tạo tệp của tài khoản (đồng thời hoặc trong một phút), hoặc máy chủ đang bận (kèm Retry-After)',
    }),
  );
