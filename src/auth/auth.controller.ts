import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthUser } from './auth-user';
import { AllowWithTemporaryPassword, CurrentUser, Public, RequirePermission } from './auth.decorators';
import { AuthService } from './auth.service';
import { PasswordChangeDto } from './dto/password-change.dto';
import { PasswordChangeService } from './password-change.service';
import { LoginDto, LoginResponseDto, UserDto } from './dto/login.dto';

@ApiTags('Đăng nhập')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS: tên đăng nhập hoặc mật khẩu không đúng' })
  @ApiForbiddenResponse({ description: 'LOCAL_SIGN_IN_DISABLED: tài khoản này đăng nhập bằng tài khoản định danh của tỉnh' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_THROTTLED: đăng nhập sai quá nhiều lần (kèm Retry-After)' })
  login(@Body() body: LoginDto, @Ip() address: string, @Headers('user-agent') userAgent?: string): Promise<LoginResponseDto> {
    return this.auth.login(body, { address, userAgent });
  }

  @Post('logout')
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất: phiên của token này kết thúc ngay' })
  @ApiNoContentResponse({ description: 'Đã đăng xuất' })
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user).then(() => undefined);
  }

  @Post('password')
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Đổi mật khẩu của chính mình: cần mật khẩu hiện tại; mọi phiên khác của tài khoản kết thúc ngay, phiên này giữ lại',
  })
  @ApiNoContentResponse({ description: 'Đã đổi mật khẩu' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_THROTTLED: nhập sai mật khẩu hiện tại quá nhiều lần (kèm Retry-After)' })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: PasswordChangeDto,
    @Ip() address: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<void> {
    return this.passwords.change(user, body, { address, userAgent });
  }

  @Get('me')
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): UserDto {
    const { sessionId: _session, ...me } = user;
    return me;
  }
}
