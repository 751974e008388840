import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
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

/** The single exception filter: every error leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = toProblem(exception);
    if (body.status >= 500) this.logger.error({ err: exception, path: req.path }, 'Unhandled error');
    if (res.headersSent) return;
    const retryAfter = body.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    sendProblem(res, body, req.originalUrl);
  }
}
