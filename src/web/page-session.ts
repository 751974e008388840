import { CookieOptions, Request, Response } from 'express';
import { readCookie, SESSION_COOKIE } from '../auth/auth.guard';
import { CSRF_COOKIE, newCsrfSecret } from './csrf';

const FLASH_COOKIE = 'capdo_flash';

/** Session cookies: http-only, SameSite=Lax, Secure whenever the request came over HTTPS (req.secure trusts the proxy). */
export function cookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function startSession(req: Request, res: Response, accessToken: string, expiresInSeconds: number): void {
  res.cookie(SESSION_COOKIE, accessToken, cookieOptions(req, expiresInSeconds * 1000));
  // A new CSRF secret at sign-in: a secret planted before sign-in is worthless afterwards.
  res.cookie(CSRF_COOKIE, newCsrfSecret(), cookieOptions(req));
}

export function endSession(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
  res.clearCookie(CSRF_COOKIE, cookieOptions(req));
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
  res.cookie(FLASH_COOKIE, message, { ...cookieOptions(req, 60_000) });
  res.redirect(303, location);
}

export function takeFlash(req: Request, res: Response): string | undefined {
  const message = cookie(req, FLASH_COOKIE);
  if (message !== undefined) res.clearCookie(FLASH_COOKIE, cookieOptions(req));
  return message;
}

/** Only same-site paths may be a "continue to" target after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/dang-nhap') ? next : '/';
}
