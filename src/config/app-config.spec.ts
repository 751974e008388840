import { ConfigError, loadConfig } from './app-config';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_PASSWORD).toBe('demo1234');
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
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

  it('requires a JWT secret', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET/);
  });
});
