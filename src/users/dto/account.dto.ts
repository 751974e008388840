import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { toNfc } from '../../common/text/vietnamese';
import { USERNAME_PATTERN, USERNAME_RULE } from '../account-rules';
import { Role, ROLES } from '../role';

const trimNfc = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
/** Blank text clears an optional field (stored as NULL). */
const optionalText = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = toNfc(value.trim());
  return trimmed.length ? trimmed : null;
};
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** An account as the administrators' list and page show it; never its password or hash. */
export class AccountDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'nguyenvana' }) username!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) fullName!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Chuyên viên' }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyName!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Đang dùng mật khẩu tạm thời, phải đổi khi đăng nhập' }) mustChangePassword!: boolean;
  @ApiProperty({ description: 'Đã liên kết với tài khoản định danh (đăng nhập một lần)' }) singleSignOn!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSignInAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ description: 'Phiên bản, gửi kèm khi sửa' }) version!: number;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountDto] }) items!: AccountDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A new account and its temporary password, shown this once: hand it over in person; it must be changed at sign-in. */
export class CreatedAccountDto {
  @ApiProperty({ type: AccountDto }) user!: AccountDto;
  @ApiProperty({ example: 'Hq7k-mZ3p-Rt8w-Xy2b', description: 'Mật khẩu tạm thời, chỉ hiện một lần' }) temporaryPassword!: string;
}

export class TemporaryPasswordDto {
  @ApiProperty({ example: 'Hq7k-mZ3p-Rt8w-Xy2b', description: 'Mật khẩu tạm thời, chỉ hiện một lần' }) temporaryPassword!: string;
}

export class SessionsEndedDto {
  @ApiProperty({ description: 'Số phiên đăng nhập đã kết thúc' }) sessionsEnded!: number;
}

export class AccountListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên đăng nhập, họ tên, thư điện tử (không dấu cũng được)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;

  @ApiPropertyOptional({ description: 'true: đang hoạt động; false: đã khóa' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  active?: boolean;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'nguyenvana', description: USERNAME_RULE })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @Transform(trimNfc)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Chuyên viên' })
  @IsOptional()
  @Transform(optionalText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'nguyenvana@sonla.gov.vn' })
  @IsOptional()
  @Transform(optionalText)
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'thư điện tử không hợp lệ' })
  @MaxLength(255)
  email?: string | null;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Bắt buộc với mọi vai trò trừ quản trị viên' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  agencyId?: string | null;
}

export class UpdateAccountDto {
  @ApiProperty({ description: 'Phiên bản đã đọc; nếu đã có người sửa trước sẽ trả về 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trimNfc) @IsString() @IsNotEmpty() @MaxLength(255) fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(optionalText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(optionalText)
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'thư điện tử không hợp lệ' })
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  agencyId?: string | null;
}

export class AccountImportQuery {
  @ApiPropertyOptional({ default: false, description: 'true: chỉ kiểm tra từng dòng, không ghi gì' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dryRun?: boolean;
}
