import type { LoggerService } from '@nestjs/common';

/**
 * Nest's own start-up lines ("Mapped {…} route", "… dependencies initialized", "Nest application successfully started"),
 * about 320 of them: written at `debug` instead of `info`, so that at the default level the person who ran `npm start`
 * reads the ready banner, not the framework's inventory; `LOG_LEVEL=debug` still shows them.
 */
export const STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Nest passes the context as the last argument of a log call. */
export function isStartupLine(params: readonly unknown[]): boolean {
  const context = params[params.length - 1];
  return typeof context === 'string' && STARTUP_CONTEXTS.has(context);
}

/** `inner` with Nest's start-up lines moved from `log` (info) to `debug`; everything else unchanged. */
export function quietStartup(inner: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...params: unknown[]) =>
      isStartupLine(params) ? inner.debug?.(message, ...params) : inner.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => inner.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => inner.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => inner.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => inner.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => inner.fatal?.(message, ...params),
  };
}
