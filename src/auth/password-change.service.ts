import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { AuthUser } from './auth-user';
import { SignInClient } from './auth.service';
import { PasswordChangeDto } from './dto/password-change.dto';
import { clientBucket } from './login-throttle';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { SessionsService } from './sessions/sessions.service';

/**
 * Changing one's own password (issue 22): the current password proves it is the person and not a borrowed browser;
 * the new one must pass the policy; every OTHER session of the account ends at once, the one changing it stays.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async change(user: AuthUser, { currentPassword, newPassword }: PasswordChangeDto, client: SignInClient): Promise<void> {
    if (newPassword === currentPassword)
      throw new DomainError('VALIDATION_FAILED', 'Mật khẩu mới phải khác mật khẩu hiện tại.', {
        newPassword: ['Mật khẩu mới phải khác mật khẩu hiện tại.'],
      });
    const weak = passwordProblem(newPassword, user);
    if (weak) throw new DomainError('PASSWORD_TOO_WEAK', weak, { newPassword: [weak] });

    // Guessing the current password from a borrowed session is guessing a password: the sign-in throttle counts it.
    const bucket = clientBucket(client.address);
    const { admission } = await this.throttle.admit(bucket, user.username, (em) =>
      this.audit.record(em, {
        action: 'PASSWORD_CHANGE_THROTTLED',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username },
      }),
    );
    if (!admission.admitted)
      throw new DomainError('LOGIN_THROTTLED', 'Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau.', undefined, {
        retryAfterSeconds: admission.retryAfterSeconds,
      });
    const hash = await this.users.passwordHashOf(user.id);
    if (!hash || !(await verifyPassword(hash, currentPassword)))
      throw new DomainError('CURRENT_PASSWORD_INCORRECT', 'Mật khẩu hiện tại không đúng.', {
        currentPassword: ['Mật khẩu hiện tại không đúng.'],
      });

    const newHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.throttle.succeeded(em, bucket, user.username);
      await this.users.setPassword(em, user.id, newHash, false);
      const ended = await this.sessions.revokeAll(em, user.id, 'PASSWORD_CHANGED', user.sessionId);
      await this.audit.record(em, {
        action: 'PASSWORD_CHANGED',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, wasTemporary: user.mustChangePassword === true, otherSessionsEnded: ended },
      });
    });
  }
}
