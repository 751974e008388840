import { dirname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response, Router, static as serveStatic } from 'express';
import { problem } from '../common/errors/problem';
import { sendProblem } from '../common/errors/problem.filter';
import { templatesDir } from './web-paths';

/** Fonts of the pages: Be Vietnam Pro (SIL OFL), shipped by an npm package, so every Vietnamese letter renders alike. */
const FONTS: Record<string, string> = {
  'BeVietnamPro-400.ttf': '400Regular/BeVietnamPro_400Regular.ttf',
  'BeVietnamPro-600.ttf': '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  'BeVietnamPro-700.ttf': '700Bold/BeVietnamPro_700Bold.ttf',
};

/**
 * /assets: the stylesheet (templates/assets), htmx and the fonts straight from node_modules. Public and
 * cacheable: nothing here depends on who asks. No build step: edit templates/assets/app.css and reload.
 */
export function registerWebAssets(app: NestExpressApplication): void {
  const router = Router();
  const options = { maxAge: '1h', index: false, fallthrough: true, dotfiles: 'ignore', redirect: false } as const;
  router.get('/htmx.min.js', (_req: Request, res: Response) =>
    res.sendFile(require.resolve('htmx.org/dist/htmx.min.js'), { maxAge: '1d' }),
  );
  const fonts = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  router.get('/fonts/:file', (req: Request, res: Response) => {
    const file = FONTS[String(req.params.file)];
    if (!file) return notFound(req, res);
    res.sendFile(join(fonts, file), { maxAge: '30d' });
  });
  router.use(serveStatic(join(templatesDir(), 'assets'), options));
  // A missing file, a directory or a path that climbs out of the folder (`..%2f`, `%2e%2e/`) is simply not there:
  // a 404 problem, never the default handler's 500 with a stack in the log.
  router.use(notFound);
  router.use((_error: unknown, req: Request, res: Response, _next: NextFunction) => notFound(req, res));
  app.use('/assets', router);
}

function notFound(req: Request, res: Response): void {
  sendProblem(res, problem('NOT_FOUND', 'Không có tệp này.'), req.originalUrl);
}
