import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from './auth-user';
import { AllowWithTemporaryPassword, CurrentUser, Public, RequirePermission } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto, UserDto } from './dto/login.dto';

@ApiTags('Đăng nhập')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu' })
  @ApiOkResponse({ type: LoginResponseDto })
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
