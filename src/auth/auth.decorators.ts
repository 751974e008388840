import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthUser } from './auth-user';
import { Permission } from './permissions';

export const PUBLIC_KEY = 'capdo:public';
export const PERMISSION_KEY = 'capdo:permission';

/** A route anyone may call without signing in. Every other route must declare a permission. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const PASSWORD_PENDING_KEY = 'capdo:password-pending';

/** A route a user with a temporary password may still use (who am I, change the password, sign out). */
export const AllowWithTemporaryPassword = () => SetMetadata(PASSWORD_PENDING_KEY, true);

export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' }),
    ApiForbiddenResponse({ description: 'Không có quyền' }),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
