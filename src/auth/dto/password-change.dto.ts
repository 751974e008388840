import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PasswordChangeDto {
  @ApiProperty({ description: 'Mật khẩu đang dùng (hoặc mật khẩu tạm thời quản trị viên đã trao)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({
    description: 'Mật khẩu mới: 10–256 ký tự, đủ khó đoán (ước lượng độ mạnh zxcvbn-ts từ 3/4 trở lên), khác mật khẩu hiện tại',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  newPassword!: string;
}
