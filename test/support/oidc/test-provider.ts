import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const TEST_CLIENT_ID = 'capdo';
export const TEST_CLIENT_SECRET = 'capdo-test-secret';

/** The claims of one account at the test provider, laid out like Keycloak's. */
export interface ProviderAccount {
  preferred_username?: string;
  name?: string;
  email?: string;
  agency_code?: string;
  realm_access?: { roles: string[] };
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** test/support/oidc/provider.mjs (oidc-provider) in a child process on 127.0.0.1 and a free port; accounts by login. */
export async function startTestProvider(accounts: Record<string, ProviderAccount>): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
      OIDC_TEST_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_TEST_CLIENT_SECRET: TEST_CLIENT_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test provider did not start: ${errors}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the test provider exited (${code}): ${errors}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The OIDC_* settings of capdo for a provider (restore them with `restoreEnv`). */
export function useProviderEnv(issuer: string, extra: Record<string, string> = {}): () => void {
  const settings: Record<string, string> = {
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
    ...extra,
  };
  const before = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * A browser at the provider without a browser: follows redirects and submits the forms of the provider's pages
 * (the development login page with `login`, any password; the logout confirmation) with its own cookie jar, until the
 * provider sends it to capdo (an address outside the provider): that address is returned, not opened.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  async walk(start: string, login?: string): Promise<URL> {
    let url = new URL(start);
    let body: URLSearchParams | undefined;
    const provider = new URL(this.issuer).origin;
    for (let step = 0; step < 20; step++) {
      if (url.origin !== provider) return url;
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        body,
        redirect: 'manual',
        headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        if (/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
        else this.cookies.set(name, pair.slice(eq + 1));
      }
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        body = undefined;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${html.slice(0, 500)}`);
      body = new URLSearchParams();
      for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) body.set(input[1], input[2]);
      if (/name="login"/.test(html)) {
        if (!login) throw new Error('the provider asks for a login');
        body.set('login', login);
        body.set('password', 'any');
      }
      if (/name="logout"/.test(html)) body.set('logout', 'yes');
      url = new URL(action.replace(/&amp;/g, '&'), url);
    }
    throw new Error('too many steps at the provider');
  }
}
