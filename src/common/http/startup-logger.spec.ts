import type { LoggerService } from '@nestjs/common';
import { isStartupLine, quietStartup } from './startup-logger';

function recorder(): { logger: LoggerService; calls: string[] } {
  const calls: string[] = [];
  const record =
    (level: string) =>
    (message: unknown, ...params: unknown[]) =>
      calls.push(`${level}:${String(message)}:${params.join(',')}`);
  return {
    calls,
    logger: { log: record('log'), error: record('error'), warn: record('warn'), debug: record('debug'), verbose: record('verbose') },
  };
}

describe('quietStartup', () => {
  it("moves Nest's start-up lines (routes, modules, started) to debug", () => {
    const { logger, calls } = recorder();
    const quiet = quietStartup(logger);
    quiet.log('Mapped {/api/v1/systems, GET} route', 'RouterExplorer');
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.log('Nest application successfully started', 'NestApplication');
    expect(calls).toEqual([
      'debug:Mapped {/api/v1/systems, GET} route:RouterExplorer',
      'debug:AppModule dependencies initialized:InstanceLoader',
      'debug:Nest application successfully started:NestApplication',
    ]);
  });

  it('keeps every other line at its level, and warnings of the framework too', () => {
    const { logger, calls } = recorder();
    const quiet = quietStartup(logger);
    quiet.log('Đã gửi thông báo', 'NotificationsService');
    quiet.log('no context');
    quiet.warn('slow', 'RouterExplorer');
    quiet.error('boom', 'stack', 'ExceptionsHandler');
    expect(calls).toEqual([
      'log:Đã gửi thông báo:NotificationsService',
      'log:no context:',
      'warn:slow:RouterExplorer',
      'error:boom:stack,ExceptionsHandler',
    ]);
  });

  it('reads the context from the last argument only', () => {
    expect(isStartupLine(['RoutesResolver'])).toBe(true);
    expect(isStartupLine(['RoutesResolver', 'SomethingElse'])).toBe(false);
    expect(isStartupLine([])).toBe(false);
    expect(isStartupLine([{ context: 'RouterExplorer' }])).toBe(false);
  });
});
