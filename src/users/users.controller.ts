import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LimitedPerUser } from '../common/http/request-limits';
import { uuidPipe } from '../common/http/uuid-pipe';
import { ImportUploadInterceptor } from '../systems/import-export/import-upload.interceptor';
import { AccountImportReportDto } from './dto/account-import.dto';
import {
  AccountDto,
  AccountImportQuery,
  AccountListQuery,
  AccountPageDto,
  CreateAccountDto,
  CreatedAccountDto,
  SessionsEndedDto,
  TemporaryPasswordDto,
  UpdateAccountDto,
} from './dto/account.dto';
import { UsersAdminService } from './users-admin.service';
import { UsersImportService } from './users-import.service';
import { UsersQueryService } from './users-query.service';

/** The multipart upload as multer hands it over. */
interface UploadedAccountSheet {
  buffer: Buffer;
  originalname?: string;
}

@ApiTags('Tài khoản')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly queries: UsersQueryService,
    private readonly admin: UsersAdminService,
    private readonly imports: UsersImportService,
  ) {}

  @Get()
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Danh sách tài khoản (quản trị viên: tất cả; lãnh đạo cơ quan: của cơ quan mình), tìm và lọc' })
  @ApiOkResponse({ type: AccountPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: AccountListQuery): Promise<AccountPageDto> {
    return this.queries.list(user, query);
  }

  @Post()
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Tạo tài khoản với mật khẩu tạm thời (chỉ hiện một lần, phải đổi khi đăng nhập)' })
  @ApiCreatedResponse({ type: CreatedAccountDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAccountDto): Promise<CreatedAccountDto> {
    return this.admin.create(user, body);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @UseInterceptors(ImportUploadInterceptor)
  @LimitedPerUser('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'Tệp .xlsx hoặc .csv: mỗi dòng một tài khoản, cột "Tên đăng nhập", "Họ và tên", "Chức vụ", "Thư điện tử", "Mã cơ quan", "Vai trò" (mã hoặc tên vai trò)',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Tạo tài khoản hàng loạt từ bảng tính: chạy thử báo lỗi từng dòng; chạy thật tạo tất cả hoặc không' })
  @ApiOkResponse({ type: AccountImportReportDto })
  @ApiUnprocessableEntityResponse({ description: 'IMPORT_FILE_INVALID hoặc IMPORT_ROWS_INVALID (kèm `report` từng dòng)' })
  import(
    @CurrentUser() user: AuthUser,
    @Query() query: AccountImportQuery,
    @UploadedFile() file: UploadedAccountSheet | undefined,
  ): Promise<AccountImportReportDto> {
    return this.imports.run(user, file?.buffer, file?.originalname, query.dryRun === true);
  }

  @Get(':id')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Chi tiết tài khoản' })
  @ApiOkResponse({ type: AccountDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AccountDto> {
    return this.queries.get(user, id);
  }

  @Patch(':id')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Sửa tài khoản: họ tên, chức vụ, thư điện tử; vai trò và cơ quan (chỉ quản trị viên), kèm phiên bản' })
  @ApiOkResponse({ type: AccountDto })
  update(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: UpdateAccountDto): Promise<AccountDto> {
    return this.admin.update(user, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Khóa tài khoản; mọi phiên đăng nhập kết thúc ngay' })
  @ApiOkResponse({ type: AccountDto })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AccountDto> {
    return this.admin.deactivate(user, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Mở lại tài khoản đã khóa' })
  @ApiOkResponse({ type: AccountDto })
  reactivate(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AccountDto> {
    return this.admin.reactivate(user, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Cấp mật khẩu tạm thời (chỉ hiện một lần; phải đổi khi đăng nhập); mọi phiên kết thúc' })
  @ApiOkResponse({ type: TemporaryPasswordDto })
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<TemporaryPasswordDto> {
    return this.admin.resetPassword(user, id);
  }

  @Post(':id/sign-out-everywhere')
  @HttpCode(200)
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Đăng xuất tài khoản khỏi mọi thiết bị' })
  @ApiOkResponse({ type: SessionsEndedDto })
  signOutEverywhere(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<SessionsEndedDto> {
    return this.admin.signOutEverywhere(user, id);
  }
}
