import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { AccessTokenPayload, AuthUser } from './auth-user';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { dummyPasswordHash, verifyPassword } from './password';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: AuthUser['role'];
  agency_id: string | null;
  province_code: string | null;
  password_hash: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login({ username, password }: LoginDto, ip: string | undefined): Promise<LoginResponseDto> {
    const name = username.trim().toLowerCase();
    await this.refuseWhenThrottled(name);
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.full_name, u.role, u.agency_id, u.password_hash, a.province_code
         FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE u.username = $1 AND u.active`,
      [name],
    );
    const row = rows[0];
    const valid = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), password);
    if (!row || !valid) {
      await this.dataSource.query(`INSERT INTO login_failures (username, ip) VALUES ($1, $2)`, [name, ip?.slice(0, 64) ?? null]);
      throw new DomainError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    await this.dataSource.query(`DELETE FROM login_failures WHERE username = $1`, [name]);
    const payload: AccessTokenPayload = { sub: row.id, username: row.username, role: row.role };
    return {
      accessToken: await this.jwt.signAsync(payload),
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_EXPIRES_IN_SECONDS,
      user: { id: row.id, username: row.username, fullName: row.full_name, role: row.role, agencyId: row.agency_id, provinceCode: row.province_code },
    };
  }

  /** After LOGIN_MAX_FAILURES failures within LOGIN_LOCK_MINUTES the name is locked until the oldest one ages out. */
  private async refuseWhenThrottled(username: string): Promise<void> {
    const [{ failures, retry_after }]: { failures: number; retry_after: number | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS failures,
              ceil(extract(epoch FROM (min(failed_at) + make_interval(mins => $2) - now())))::int AS retry_after
         FROM (SELECT failed_at FROM login_failures
                WHERE username = $1 AND failed_at > now() - make_interval(mins => $2)
                ORDER BY failed_at DESC LIMIT $3) recent`,
      [username, this.config.LOGIN_LOCK_MINUTES, this.config.LOGIN_MAX_FAILURES],
    );
    if (failures >= this.config.LOGIN_MAX_FAILURES) {
      const seconds = Math.max(1, retry_after ?? 60);
      throw new DomainError('LOGIN_THROTTLED', `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${Math.ceil(seconds / 60)} phút.`, undefined, {
        retryAfterSeconds: seconds,
      });
    }
  }
}
