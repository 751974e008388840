import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from './auth-user';
import { CurrentUser, Public, RequirePermission } from './auth.decorators';
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

  @Get('me')
  @RequirePermission('profile:read')
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): UserDto {
    return user;
  }
}
