import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  validateSync,
} from 'class-validator';
import { TrustProxyValue } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
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

  /**
   * A hot standby of DATABASE_URL's database for the reports' read-only queries (src/database/read-replica.ts); unset,
   * reports read DATABASE_URL. Contains a password: never logged.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_REPLICA_URL phải có dạng postgres://user:password@host:port/database' })
  DATABASE_REPLICA_URL?: string;

  /** Reports read the primary while the replica is further behind than this (or does not answer). */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_REPLICA_MAX_LAG_SECONDS phải là số nguyên từ 0 đến 3600' })
  @Min(0, { message: 'REPORT_REPLICA_MAX_LAG_SECONDS phải là số nguyên từ 0 đến 3600' })
  @Max(3600, { message: 'REPORT_REPLICA_MAX_LAG_SECONDS phải là số nguyên từ 0 đến 3600' })
  REPORT_REPLICA_MAX_LAG_SECONDS = 5;

  /** `npm run start:cluster`: server processes (src/cluster.ts); by default one per core the process may use. */
  @Transform(toInt)
  @IsInt({ message: 'CLUSTER_WORKERS phải là số nguyên từ 1 đến 256' })
  @Min(1, { message: 'CLUSTER_WORKERS phải là số nguyên từ 1 đến 256' })
  @Max(256, { message: 'CLUSTER_WORKERS phải là số nguyên từ 1 đến 256' })
  CLUSTER_WORKERS = availableParallelism();

  @IsString({ message: 'JWT_SECRET là bắt buộc khi dùng DATABASE_URL (ít nhất 32 ký tự)' })
  @MinLength(32, { message: 'JWT_SECRET phải dài ít nhất 32 ký tự' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt({ message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  @Min(60, { message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  @Max(604800, { message: 'JWT_EXPIRES_IN_SECONDS phải là số nguyên từ 60 đến 604800' })
  JWT_EXPIRES_IN_SECONDS = 8 * 3600;

  /** A session not used for this long ends (web and API alike); its absolute lifetime is JWT_EXPIRES_IN_SECONDS. */
  @Transform(toInt)
  @IsInt({ message: 'SESSION_IDLE_MINUTES phải là số nguyên từ 5 đến 1440' })
  @Min(5, { message: 'SESSION_IDLE_MINUTES phải là số nguyên từ 5 đến 1440' })
  @Max(1440, { message: 'SESSION_IDLE_MINUTES phải là số nguyên từ 5 đến 1440' })
  SESSION_IDLE_MINUTES = 30;

  /** Who may sign in with a capdo password: everyone, or (once single sign-on is on) administrators only (break-glass). */
  @IsIn(['all', 'admins'], { message: 'LOCAL_SIGN_IN phải là all hoặc admins' })
  LOCAL_SIGN_IN: 'all' | 'admins' = 'all';

  /** The province's OpenID Connect identity provider (Keycloak realm, VNPT/Viettel identity service); none → no single sign-on. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OIDC_ISSUER_URL phải có dạng https://sso.sonla.gov.vn/realms/sonla' })
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  /** The client's secret at the provider (confidential client). Never logged. */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  @IsString()
  @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPES phải có openid, ví dụ: openid profile email' })
  OIDC_SCOPES = 'openid profile email';

  /** Claims (dotted paths into the ID token / userinfo) carrying the username, full name, agency code and roles or groups. */
  @IsString()
  OIDC_USERNAME_CLAIM = 'preferred_username';

  @IsString()
  OIDC_FULL_NAME_CLAIM = 'name';

  @IsString()
  OIDC_AGENCY_CLAIM = 'agency_code';

  /** Comma-separated: every listed claim's values are looked up in the role mapping table (Keycloak: realm roles and groups). */
  @IsString()
  OIDC_ROLES_CLAIM = 'realm_access.roles,groups';

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD phải dài ít nhất 8 ký tự' })
  DEMO_PASSWORD = 'demo1234';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL phải là một trong: fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt({ message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  @Min(1024, { message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  @Max(65535, { message: 'EMBEDDED_PG_PORT phải là số nguyên từ 1024 đến 65535' })
  EMBEDDED_PG_PORT = 54329;

  /** Sign-in attempts for one username from one client address before delays start (see src/auth/login-throttle.ts). */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_FREE_ATTEMPTS phải là số nguyên từ 1 đến 100' })
  @Min(1, { message: 'LOGIN_FREE_ATTEMPTS phải là số nguyên từ 1 đến 100' })
  @Max(100, { message: 'LOGIN_FREE_ATTEMPTS phải là số nguyên từ 1 đến 100' })
  LOGIN_FREE_ATTEMPTS = 5;

  /** Sign-in attempts from one client address, whatever the usernames, before delays start. */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ADDRESS_FREE_ATTEMPTS phải là số nguyên từ 1 đến 10000' })
  @Min(1, { message: 'LOGIN_ADDRESS_FREE_ATTEMPTS phải là số nguyên từ 1 đến 10000' })
  @Max(10000, { message: 'LOGIN_ADDRESS_FREE_ATTEMPTS phải là số nguyên từ 1 đến 10000' })
  LOGIN_ADDRESS_FREE_ATTEMPTS = 20;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_BASE_DELAY_SECONDS phải là số nguyên từ 1 đến 3600' })
  @Min(1, { message: 'LOGIN_BASE_DELAY_SECONDS phải là số nguyên từ 1 đến 3600' })
  @Max(3600, { message: 'LOGIN_BASE_DELAY_SECONDS phải là số nguyên từ 1 đến 3600' })
  LOGIN_BASE_DELAY_SECONDS = 30;

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_DELAY_SECONDS phải là số nguyên từ 1 đến 86400' })
  @Min(1, { message: 'LOGIN_MAX_DELAY_SECONDS phải là số nguyên từ 1 đến 86400' })
  @Max(86400, { message: 'LOGIN_MAX_DELAY_SECONDS phải là số nguyên từ 1 đến 86400' })
  LOGIN_MAX_DELAY_SECONDS = 900;

  /** A sign-in counter without a new attempt for this long starts again from zero, and its row is pruned. */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_FORGET_MINUTES phải là số nguyên từ 1 đến 1440' })
  @Min(1, { message: 'LOGIN_FORGET_MINUTES phải là số nguyên từ 1 đến 1440' })
  @Max(1440, { message: 'LOGIN_FORGET_MINUTES phải là số nguyên từ 1 đến 1440' })
  LOGIN_FORGET_MINUTES = 15;

  /**
   * Which proxies in front of capdo are trusted to say the client's address (X-Forwarded-For) and scheme
   * (X-Forwarded-Proto): a number of hops, or addresses and ranges. Empty: none, the connection's own address counts.
   */
  @Validate(TrustProxyValue)
  TRUST_PROXY = '';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT phải có dạng như 1mb hoặc 512kb' })
  BODY_LIMIT = '1mb';

  /** Inventory imports running at once on this instance (each user: one at a time). See src/common/http/request-limits.ts. */
  @Transform(toInt)
  @IsInt({ message: 'IMPORTS_AT_ONCE phải là số nguyên từ 1 đến 20' })
  @Min(1, { message: 'IMPORTS_AT_ONCE phải là số nguyên từ 1 đến 20' })
  @Max(20, { message: 'IMPORTS_AT_ONCE phải là số nguyên từ 1 đến 20' })
  IMPORTS_AT_ONCE = 2;

  /** Report files, annual reports, exports and dossier documents one user may have built at once on this instance. */
  @Transform(toInt)
  @IsInt({ message: 'FILE_REQUESTS_PER_USER phải là số nguyên từ 1 đến 50' })
  @Min(1, { message: 'FILE_REQUESTS_PER_USER phải là số nguyên từ 1 đến 50' })
  @Max(50, { message: 'FILE_REQUESTS_PER_USER phải là số nguyên từ 1 đến 50' })
  FILE_REQUESTS_PER_USER = 2;

  /** Such files built at once for all users together; further ones wait their turn (up to 15 s, then 429). */
  @Transform(toInt)
  @IsInt({ message: 'FILE_REQUESTS_AT_ONCE phải là số nguyên từ 1 đến 100' })
  @Min(1, { message: 'FILE_REQUESTS_AT_ONCE phải là số nguyên từ 1 đến 100' })
  @Max(100, { message: 'FILE_REQUESTS_AT_ONCE phải là số nguyên từ 1 đến 100' })
  FILE_REQUESTS_AT_ONCE = 1;

  /** Such files one user may ask for per minute (in bursts of up to as many); 0 turns the rate limit off. */
  @Transform(toInt)
  @IsInt({ message: 'FILE_REQUESTS_PER_MINUTE phải là số nguyên từ 0 đến 10000' })
  @Min(0, { message: 'FILE_REQUESTS_PER_MINUTE phải là số nguyên từ 0 đến 10000' })
  @Max(10000, { message: 'FILE_REQUESTS_PER_MINUTE phải là số nguyên từ 0 đến 10000' })
  FILE_REQUESTS_PER_MINUTE = 30;

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

  /**
   * On SIGTERM/SIGINT, how long requests in flight (and running background jobs) may take to finish before their
   * connections are cut and the process exits. See src/common/http/graceful-shutdown.ts.
   */
  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_GRACE_SECONDS phải là số nguyên từ 1 đến 600' })
  @Min(1, { message: 'SHUTDOWN_GRACE_SECONDS phải là số nguyên từ 1 đến 600' })
  @Max(600, { message: 'SHUTDOWN_GRACE_SECONDS phải là số nguyên từ 1 đến 600' })
  SHUTDOWN_GRACE_SECONDS = 10;

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
  for (const key of [
    ...KNOWN,
    'DATABASE_URL',
    'DATABASE_REPLICA_URL',
    'JWT_SECRET',
    'PUBLIC_URL',
    'SMTP_URL',
    'OIDC_ISSUER_URL',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
  ]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {})[0]}`);
  problems.push(...singleSignOnProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Single sign-on needs its client id; the provider over plain http only on this machine (tokens travel in clear otherwise). */
function singleSignOnProblems(config: AppConfig): string[] {
  const issuer = config.OIDC_ISSUER_URL;
  // Passwords for administrators only, without single sign-on, would lock every official out.
  if (!issuer)
    return config.LOCAL_SIGN_IN === 'admins' ? ['LOCAL_SIGN_IN: admins chỉ dùng được khi đã bật đăng nhập một lần (OIDC_ISSUER_URL)'] : [];
  const problems: string[] = [];
  if (!config.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: bắt buộc khi đặt OIDC_ISSUER_URL (mã client của capdo ở hệ thống định danh)');
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  if (url?.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    problems.push('OIDC_ISSUER_URL: phải dùng https (http chỉ được dùng với 127.0.0.1 hoặc localhost)');
  return problems;
}
