import { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** API answers (JSON, downloads, problems) load nothing and may be framed by nobody. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The web pages: own scripts, styles and fonts only; the templates use inline style attributes. */
export const PAGE_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Swagger UI at /api/docs: its own script files, an inline <style> and inline SVG images. */
const DOCS_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Headers on every response, whatever answers it (a page, the API, a download, an error, a static file):
 * helmet's set (nosniff, X-Frame-Options DENY, Referrer-Policy same-origin, …) with the strict API policy;
 * pages replace the policy with PAGE_CSP when they render. `Cache-Control: no-store` on everything under /api, so no
 * shared cache keeps a user's JSON or download. HSTS when the request came over HTTPS (per TRUST_PROXY) or capdo's
 * public address is https.
 */
export function securityHeaders(options: { publicUrlIsHttps: boolean }): RequestHandler[] {
  const base = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  return [
    base,
    (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Content-Security-Policy', req.path === '/api/docs' || req.path.startsWith('/api/docs/') ? DOCS_CSP : API_CSP);
      if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
      if (options.publicUrlIsHttps || req.secure) return hsts(req, res, next);
      next();
    },
  ];
}
