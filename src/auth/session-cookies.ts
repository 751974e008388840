/**
 * Names of the browser's cookies. When capdo is served over https (PUBLIC_URL), they carry the `__Host-` prefix:
 * the browser then keeps them only if they are Secure, for Path=/ and without Domain, so neither a plain-http
 * page nor a sibling subdomain can plant or overwrite them. Over plain http (the local demo) the prefix would be
 * refused by the browser, so the bare names are used.
 */
export interface CookieNames {
  session: string;
  csrf: string;
  flash: string;
}

export function publicUrlIsHttps(publicUrl: string | undefined): boolean {
  return /^https:\/\//i.test(publicUrl ?? '');
}

export function cookieNames(publicUrl: string | undefined): CookieNames {
  const prefix = publicUrlIsHttps(publicUrl) ? '__Host-' : '';
  return { session: `${prefix}capdo_session`, csrf: `${prefix}capdo_csrf`, flash: `${prefix}capdo_flash` };
}

export interface CookieSettings extends CookieNames {
  /** Secure on every cookie, whatever the request's own scheme (PUBLIC_URL is https). */
  alwaysSecure: boolean;
}

const SETTINGS = Symbol('capdo.cookieSettings');
const PLAIN: CookieSettings = { ...cookieNames(undefined), alwaysSecure: false };

type WithSettings = { [SETTINGS]?: CookieSettings };

/** Express middleware: every request knows the cookie names and flags of this instance's PUBLIC_URL. */
export function cookieSettingsMiddleware(publicUrl: string | undefined): (req: object, res: unknown, next: () => void) => void {
  const settings: CookieSettings = { ...cookieNames(publicUrl), alwaysSecure: publicUrlIsHttps(publicUrl) };
  return (req, _res, next) => {
    (req as WithSettings)[SETTINGS] = settings;
    next();
  };
}

export function cookieSettings(req: object): CookieSettings {
  return (req as WithSettings)[SETTINGS] ?? PLAIN;
}
