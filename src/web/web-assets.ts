import { dirname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Response, Router, static as serveStatic } from 'express';
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
  const options = { maxAge: '1h', index: false, fallthrough: false } as const;
  router.get('/htmx.min.js', (_req: Request, res: Response) => res.sendFile(require.resolve('htmx.org/dist/htmx.min.js'), { maxAge: '1d' }));
  const fonts = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  router.get('/fonts/:file', (req: Request, res: Response) => {
    const file = FONTS[String(req.params.file)];
    if (!file) return void res.status(404).end();
    res.sendFile(join(fonts, file), { maxAge: '30d' });
  });
  router.use(serveStatic(join(templatesDir(), 'assets'), options));
  app.use('/assets', router);
}
