import { ConfigError, loadConfig } from './app-config';
import { trustProxySetting } from './trust-proxy';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_PASSWORD).toBe('demo1234');
    expect(config.LOGIN_FREE_ATTEMPTS).toBe(5);
    expect(config.LOGIN_ADDRESS_FREE_ATTEMPTS).toBe(20);
    expect(config.TRUST_PROXY).toBe('');
  });

  it('takes TRUST_PROXY as hops or addresses and ranges, and refuses anything else with one line', () => {
    expect(trustProxySetting(loadConfig({ JWT_SECRET: secret }).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(trustProxySetting(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).TRUST_PROXY)).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '11', '1.2.3.4/8/8']) {
      expect(() => loadConfig({ JWT_SECRET: secret, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('reports one clear line per bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT.*DATABASE_URL.*JWT_SECRET/s);
    }
  });

  it('takes SHUTDOWN_GRACE_SECONDS from 1 to 600 seconds, 10 by default', () => {
    expect(loadConfig({ JWT_SECRET: secret }).SHUTDOWN_GRACE_SECONDS).toBe(10);
    expect(loadConfig({ JWT_SECRET: secret, SHUTDOWN_GRACE_SECONDS: '2' }).SHUTDOWN_GRACE_SECONDS).toBe(2);
    for (const bad of ['0', '601', '-1', '2.5', 'abc']) {
      expect(() => loadConfig({ JWT_SECRET: secret, SHUTDOWN_GRACE_SECONDS: bad })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
    }
  });

  it('requires OIDC_CLIENT_ID with OIDC_ISSUER_URL, and a provider over https unless it is on this machine', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ JWT_SECRET: secret, ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ OIDC_ISSUER_URL: 'https://sso.sonla.gov.vn/realms/sonla' })).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_ID: bắt buộc khi đặt OIDC_ISSUER_URL/),
    ]);
    expect(problems({ OIDC_ISSUER_URL: 'http://sso.sonla.gov.vn/realms/sonla', OIDC_CLIENT_ID: 'capdo' })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER_URL: phải dùng https/),
    ]);
    expect(problems({ OIDC_ISSUER_URL: 'http://127.0.0.1:8080/realms/sonla', OIDC_CLIENT_ID: 'capdo' })).toEqual([]);
    expect(problems({ OIDC_ISSUER_URL: 'https://sso.sonla.gov.vn/realms/sonla', OIDC_CLIENT_ID: 'capdo' })).toEqual([]);
    expect(problems({ OIDC_CLIENT_ID: 'capdo' })).toEqual([]);
    expect(problems({ LOCAL_SIGN_IN: 'admins' })).toEqual([expect.stringMatching(/^LOCAL_SIGN_IN: admins chỉ dùng được khi đã bật/)]);
    expect(
      problems({ LOCAL_SIGN_IN: 'admins', OIDC_ISSUER_URL: 'https://sso.sonla.gov.vn/realms/sonla', OIDC_CLIENT_ID: 'capdo' }),
    ).toEqual([]);
  });

  it('requires a JWT secret', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET/);
  });
});
