import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import { Request, Response } from 'express';
import { currentCorrelationId } from '../request-context';
import { Problem, toProblem } from './problem';

export function sendProblem(res: Response, body: Problem, instance?: string): void {
  const correlationId = currentCorrelationId();
  res
    .status(body.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...body, instance, correlationId }));
}

/** The web pages' answer to an address no route matches (provided by the web module, web/not-found-page.ts). */
export const ROUTE_NOT_FOUND_PAGE = Symbol('ROUTE_NOT_FOUND_PAGE');
export interface RouteNotFoundPage {
  render(req: Request, res: Response): Promise<void>;
}

/**
 * The single exception filter: every error leaves as application/problem+json — except an unknown address outside
 * /api/, which a person typed or followed: the Vietnamese 404 page (issue 21 point 6).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() @Inject(ROUTE_NOT_FOUND_PAGE) private readonly notFoundPage?: RouteNotFoundPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = toProblem(exception);
    if (body.status >= 500) this.logger.error({ err: exception, path: req.path }, 'Unhandled error');
    if (res.headersSent) return;
    if (body.code === 'ROUTE_NOT_FOUND' && this.notFoundPage && !isApiPath(req.path)) {
      this.notFoundPage.render(req, res).catch((error: unknown) => {
        this.logger.error({ err: error, path: req.path }, 'Not-found page failed');
        if (!res.headersSent) sendProblem(res, body, req.originalUrl);
      });
      return;
    }
    const retryAfter = body.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    sendProblem(res, body, req.originalUrl);
  }
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
