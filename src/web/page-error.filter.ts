import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { toProblem } from '../common/errors/problem';
import { currentCorrelationId } from '../common/request-context';
import { PageRenderer } from './page-renderer.service';
import { endSession, sessionCookie } from './page-session';
import { sessionEndedCode } from './session-ended';
import { query } from './view-helpers';

/**
 * Errors of the web pages are pages too: not signed in → the sign-in page (and back here afterwards);
 * forbidden, not found, conflict → a Vietnamese page with a way back; the API keeps problem+json.
 */
@Catch()
@Injectable()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly renderer: PageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, path: req.path }, 'Page error');
    if (problem.code === 'UNAUTHENTICATED') {
      if (sessionCookie(req)) endSession(req, res);
      const ended = sessionCookie(req) ? sessionEndedCode(problem.sessionEnded) : undefined;
      const location = `/dang-nhap${query({ tiep: req.method === 'GET' ? req.originalUrl : undefined, het: ended })}`;
      if (req.headers['hx-request']) {
        res.status(401).set('HX-Redirect', location).end();
        return;
      }
      res.redirect(303, location);
      return;
    }
    // A temporary password: the password page first, then back to what was asked for (issue 22).
    if (problem.code === 'PASSWORD_CHANGE_REQUIRED') {
      const location = `/doi-mat-khau${query({ tiep: req.method === 'GET' ? req.originalUrl : undefined })}`;
      if (req.headers['hx-request']) {
        res.status(403).set('HX-Redirect', location).end();
        return;
      }
      res.redirect(303, location);
      return;
    }
    // An unknown id on a page (/ho-so/<uuid>) is the same 404 page as an unknown address (not-found-page.ts).
    this.renderer.renderPlain(
      req,
      res,
      problem.status === 404 ? 'not-found' : 'error',
      { status: problem.status, title: problem.title, detail: problem.detail, correlationId: currentCorrelationId() },
      problem.status,
    );
  }
}
