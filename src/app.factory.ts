import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { cookieSettingsMiddleware, publicUrlIsHttps } from './auth/session-cookies';
import { bodyParserProblem, Problem, problem } from './common/errors/problem';
import { sendProblem } from './common/errors/problem.filter';
import { correlationMiddleware } from './common/http/correlation.middleware';
import { ShutdownGate } from './common/http/graceful-shutdown';
import { encodeJsonResponses } from './common/http/json-response';
import { redactUrl } from './common/http/redact-url';
import { securityHeaders } from './common/http/security-headers';
import { setUpOpenApi } from './common/openapi/openapi';
import { quietStartup } from './common/http/startup-logger';
import { AppConfig } from './config/app-config';
import { currentCorrelationId } from './common/request-context';
import { trustProxySetting } from './config/trust-proxy';
import { registerWebAssets } from './web/web-assets';

/**
 * Builds the HTTP application exactly as production runs it; the e2e tests use this too.
 * `shutdownGate`: once main.ts closes it on SIGTERM/SIGINT, requests still arriving are answered 503.
 */
export async function createApp(options: { logs?: boolean; shutdownGate?: ShutdownGate } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false });
  const logger = options.logs !== false ? app.get(Logger) : undefined;
  if (logger) app.useLogger(quietStartup(logger));
  else app.useLogger(false);
  const answerEarly = earlyAnswer(logger);
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  encodeJsonResponses(app.getHttpAdapter().getInstance());
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(correlationMiddleware);
  if (options.shutdownGate)
    app.use(options.shutdownGate.middleware((req, res) => answerEarly(req, res, problem('SERVICE_UNAVAILABLE', STOPPING))));
  for (const middleware of securityHeaders({ publicUrlIsHttps: publicUrlIsHttps(config.PUBLIC_URL) })) app.use(middleware);
  app.use(cookieSettingsMiddleware(config.PUBLIC_URL));
  app.use(guardBodyParser(json({ limit: config.BODY_LIMIT }), answerEarly));
  app.use(guardBodyParser(urlencoded({ extended: false, limit: config.BODY_LIMIT }), answerEarly));
  registerWebAssets(app);
  setUpOpenApi(app);
  await app.init();
  return app;
}

const STOPPING = 'Dịch vụ đang dừng, vui lòng thử lại sau ít giây.';
type EarlyAnswer = (req: Request, res: Response, body: Problem) => void;

/**
 * Problems answered by `app.use` middleware (the shutdown gate, the body parsers) never reach pino-http, which Nest
 * mounts as module middleware after them: their request line is written here, with the correlation id, as pino-http
 * would write it.
 */
function earlyAnswer(logger: Logger | undefined): EarlyAnswer {
  return (req, res, body) => {
    sendProblem(res, body, req.originalUrl);
    logger?.warn({
      msg: 'request answered before routing',
      correlationId: currentCorrelationId(),
      req: { method: req.method, url: redactUrl(req.originalUrl) },
      res: { statusCode: body.status },
      code: body.code,
    });
  };
}

/** Body-parser errors happen before Nest's filter can see them: answer them as problem+json here. */
function guardBodyParser(parser: (req: Request, res: Response, next: NextFunction) => void, answer: EarlyAnswer) {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => (error ? answer(req, res, bodyParserProblem(error as { type?: string })) : next()));
}
