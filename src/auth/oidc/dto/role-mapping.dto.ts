import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Role, ROLES } from '../../../users/role';
import { CLAIM_VALUE_MAX_LENGTH } from '../role-mapping-rules';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRoleMappingDto {
  @ApiProperty({
    example: 'capdo-can-bo-co-quan',
    description: 'Vai trò hoặc nhóm mà nhà cung cấp định danh gửi (so khớp đúng từng ký tự, phân biệt chữ hoa, chữ thường)',
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'bắt buộc' })
  @MaxLength(CLAIM_VALUE_MAX_LENGTH)
  claimValue!: string;

  @ApiProperty({ enum: ROLES, description: 'Vai trò trong capdo' })
  @IsIn(ROLES)
  role!: Role;
}

/** Absent means unchanged; null is refused like any other wrong value (neither column may be empty). */
const present = (_: object, value: unknown) => value !== undefined;

export class UpdateRoleMappingDto {
  @ApiPropertyOptional({ description: 'Vai trò hoặc nhóm mà nhà cung cấp định danh gửi' })
  @ValidateIf(present)
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'bắt buộc' })
  @MaxLength(CLAIM_VALUE_MAX_LENGTH)
  claimValue?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Vai trò trong capdo' })
  @ValidateIf(present)
  @IsIn(ROLES)
  role?: Role;
}

export class RoleMappingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'capdo-can-bo-co-quan' }) claimValue!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}
