import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { redactUrl } from './http/redact-url';
import { currentCorrelationId } from './request-context';

/**
 * JSON logs, one line per request, each with the request's correlation id. Secrets are redacted, query tokens too.
 *
 * The correlation id is a binding of the request's logger (`customProps`), so the request line and every line logged
 * through nestjs-pino while handling the request (Nest's `Logger` and `PinoLogger` both read the request logger from
 * nestjs-pino's own AsyncLocalStorage) carry it. pino-http's `customAttributeKeys.reqId` does not do this: it names the
 * id only with `quietReqLogger`, otherwise the id sits in `req.id`, which our `req` serializer leaves out.
 * `correlationMiddleware` runs before pino-http (it is applied with `app.use` before Nest's module middleware), so
 * `req.id` is already the accepted `X-Correlation-Id` or the generated one when pino-http reads it.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req) => correlationIdOf(req),
          customProps: (req) => ({ correlationId: correlationIdOf(req) }),
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

/** The id correlationMiddleware put on the request (a request it did not see gets one of its own). */
function correlationIdOf(req: IncomingMessage): string {
  const request = req as IncomingMessage & { id?: string };
  request.id ??= currentCorrelationId() ?? randomUUID();
  return request.id;
}
