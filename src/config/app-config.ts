import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }) => {
  const text = String(value).trim().toLowerCase();
  return ['true', '1', 'yes'].includes(text) ? true : ['false', '0', 'no'].includes(text) ? false : value;
};

/**
 * Every environment variable the service reads, validated once at boot.
 * A bad value stops the process with one line per variable (see README "Cấu hình").
 */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT phải là số nguyên từ 1 đến 65535' })
  @Min(1, { message: 'PORT phải là số nguyên từ 1 đến 65535' })
  @Max(65535, { message: 'PORT phải là số nguyên từ 1 đến 65535' })
  PORT = 3000;

  @IsString()
  @Matches(/^[A-Za-z0-9.:-]+$/, { message: 'HOST phải là địa chỉ IP hoặc tên máy, ví dụ 127.0.0.1 hoặc 0.0.0.0' })
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL phải có dạng postgres://user:password@host:port/database' })
  DATABASE_URL?: string;

  @IsString({ message: 'JWT_SECRET là bắt buộc khi dùng DATABASE_URL (ít nhất 32 ký tự)' })
  @MinLength(32, { message: 'JWT_SECRET phải dài ít nhất 32 ký tự' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt({ message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  @Min(60, { message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  @Max(604800, { message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  JWT_EXPIRES_IN_SECONDS = 8 * 3600;

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD phải dài ít nhất 8 ký tự' })
  DEMO_PASSWORD = 'demo1234';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL phải là một trong: fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL = 'info';

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt({ message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  @Min(1024, { message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  @Max(65535, { message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_FAILURES phải là số nguyên từ 1 đến 100' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES phải là số nguyên từ 1 đến 100' })
  @Max(100, { message: 'LOGIN_MAX_FAILURES phải là số nguyên từ 1 đến 100' })
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_LOCK_MINUTES phải là số nguyên từ 1 đến 1440' })
  @Min(1, { message: 'LOGIN_LOCK_MINUTES phải là số nguyên từ 1 đến 1440' })
  @Max(1440, { message: 'LOGIN_LOCK_MINUTES phải là số nguyên từ 1 đến 1440' })
  LOGIN_LOCK_MINUTES = 15;

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT phải có dạng như 1mb hoặc 512kb' })
  BODY_LIMIT = '1mb';

  /** Where users open capdo; links in e-mails point here. Defaults to http://HOST:PORT. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL phải có dạng https://capdo.sonla.gov.vn' })
  PUBLIC_URL?: string;

  /** Outgoing mail server; without it notifications stay in the in-app inbox only. Contains a password: never logged. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL phải có dạng smtp://user:pass@host:587 hoặc smtps://user:pass@host:465' })
  SMTP_URL?: string;

  @IsString()
  @IsNotEmpty({ message: 'MAIL_FROM không được để trống, ví dụ: capdo <no-reply@capdo.local>' })
  MAIL_FROM = 'capdo <no-reply@capdo.local>';

  /** Runs the background jobs (e-mail, reminders) on this instance. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'JOBS_ENABLED phải là true hoặc false' })
  JOBS_ENABLED = true;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const KNOWN = Object.keys(new AppConfig());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of [...KNOWN, 'DATABASE_URL', 'JWT_SECRET', 'PUBLIC_URL', 'SMTP_URL']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {})[0]}`));
  }
  return config;
}
