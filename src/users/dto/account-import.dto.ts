import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '../role';

export class AccountImportRowDto {
  @ApiProperty({ description: 'Số dòng trong bảng tính' }) row!: number;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyCode!: string | null;
  @ApiProperty({ nullable: true, enum: ROLES }) role!: Role | null;
  @ApiProperty({ description: 'Dòng hợp lệ, tạo được tài khoản' }) ok!: boolean;
  @ApiProperty({
    description: 'Lỗi theo trường (username, fullName, title, email, agencyCode, role), bằng tiếng Việt',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  errors!: Record<string, string[]>;
}

export class ImportedAccountDto {
  @ApiProperty() row!: number;
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ description: 'Mật khẩu tạm thời, chỉ hiện một lần' }) temporaryPassword!: string;
}

export class AccountImportReportDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Số dòng tài khoản trong tệp' }) totalRows!: number;
  @ApiProperty({ description: 'Số dòng hợp lệ' }) validRows!: number;
  @ApiProperty({ type: [AccountImportRowDto] }) rows!: AccountImportRowDto[];
  @ApiProperty({ type: [ImportedAccountDto], description: 'Tài khoản đã tạo và mật khẩu tạm thời (rỗng khi chạy thử)' })
  created!: ImportedAccountDto[];
}
