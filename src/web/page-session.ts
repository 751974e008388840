import { CookieOptions, Request, Response } from 'express';
import { readCookie } from '../auth/auth.guard';
import { cookieSettings } from '../auth/session-cookies';
import { newCsrfSecret } from './csrf';

/**
 * Session cookies: http-only, SameSite=Lax, Path=/ without Domain, Secure whenever PUBLIC_URL is https (then named
 * `__Host-…`) or the request came over HTTPS (req.secure believes X-Forwarded-Proto only from TRUST_PROXY).
 */
export function cookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  const secure = cookieSettings(req).alwaysSecure || req.secure;
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function startSession(req: Request, res: Response, accessToken: string, expiresInSeconds: number): void {
  const names = cookieSettings(req);
  res.cookie(names.session, accessToken, cookieOptions(req, expiresInSeconds * 1000));
  // A new CSRF secret at sign-in: a secret planted before sign-in is worthless afterwards.
  res.cookie(names.csrf, newCsrfSecret(), cookieOptions(req));
}

export function endSession(req: Request, res: Response): void {
  const names = cookieSettings(req);
  res.clearCookie(names.session, cookieOptions(req));
  res.clearCookie(names.csrf, cookieOptions(req));
}

/** The session cookie's value (the access token) as the browser sent it. */
export function sessionCookie(req: Request): string | undefined {
  return cookie(req, cookieSettings(req).session);
}

export function cookie(req: Request, name: string): string | undefined {
  const value = readCookie(req.headers.cookie, name);
  return value === undefined ? undefined : safeDecode(value);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A one-line confirmation shown on the next page ("Đã lưu hồ sơ"), after a post → redirect → get. */
export function redirectWithFlash(req: Request, res: Response, location: string, message: string): void {
  res.cookie(cookieSettings(req).flash, message, { ...cookieOptions(req, 60_000) });
  res.redirect(303, location);
}

export function takeFlash(req: Request, res: Response): string | undefined {
  const name = cookieSettings(req).flash;
  const message = cookie(req, name);
  if (message !== undefined) res.clearCookie(name, cookieOptions(req));
  return message;
}

/** Only same-site paths may be a "continue to" target after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/dang-nhap') ? next : '/';
}
