import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { cookieSettingsMiddleware, publicUrlIsHttps } from './auth/session-cookies';
import { bodyParserProblem, problem } from './common/errors/problem';
import { sendProblem } from './common/errors/problem.filter';
import { correlationMiddleware } from './common/http/correlation.middleware';
import { ShutdownGate } from './common/http/graceful-shutdown';
import { securityHeaders } from './common/http/security-headers';
import { AppConfig } from './config/app-config';
import { trustProxySetting } from './config/trust-proxy';
import { registerWebAssets } from './web/web-assets';

/**
 * Builds the HTTP application exactly as production runs it; the e2e tests use this too.
 * `shutdownGate`: once main.ts closes it on SIGTERM/SIGINT, requests still arriving are answered 503.
 */
export async function createApp(options: { logs?: boolean; shutdownGate?: ShutdownGate } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(correlationMiddleware);
  if (options.shutdownGate) app.use(options.shutdownGate.middleware(refuseWhileStopping));
  for (const middleware of securityHeaders({ publicUrlIsHttps: publicUrlIsHttps(config.PUBLIC_URL) })) app.use(middleware);
  app.use(cookieSettingsMiddleware(config.PUBLIC_URL));
  app.use(guardBodyParser(json({ limit: config.BODY_LIMIT })));
  app.use(guardBodyParser(urlencoded({ extended: false, limit: config.BODY_LIMIT })));
  registerWebAssets(app);
  setUpOpenApi(app);
  await app.init();
  return app;
}

function refuseWhileStopping(req: Request, res: Response): void {
  sendProblem(res, problem('SERVICE_UNAVAILABLE', 'Dịch vụ đang dừng, vui lòng thử lại sau ít giây.'), req.originalUrl);
}

/** Body-parser errors happen before Nest's filter can see them: answer them as problem+json here. */
function guardBodyParser(parser: (req: Request, res: Response, next: NextFunction) => void) {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) =>
      error ? sendProblem(res, bodyParserProblem(error as { type?: string }), req.originalUrl) : next(),
    );
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('capdo API')
      .setDescription(
        'Sổ đăng ký cấp độ an toàn hệ thống thông tin: cơ quan, hệ thống, hồ sơ đề xuất cấp độ, thẩm định, phê duyệt, báo cáo.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
