import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '../../users/role';

export class LoginDto {
  @ApiProperty({ example: 'canbo.sl-so-xd' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) provinceCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Chức vụ (ví dụ "Chuyên viên"); null khi chưa ghi' })
  title?: string | null;
  @ApiPropertyOptional({ description: 'true: đăng nhập bằng mật khẩu tạm thời, cần đổi mật khẩu trước khi làm việc khác' })
  mustChangePassword?: boolean;
  @ApiPropertyOptional({ enum: ['PASSWORD', 'OIDC'], description: 'Phiên này đăng nhập bằng mật khẩu capdo hay đăng nhập một lần (SSO)' })
  signedInVia?: 'PASSWORD' | 'OIDC';
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ description: 'Số giây trước khi phiên hết hạn' }) expiresIn!: number;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}
