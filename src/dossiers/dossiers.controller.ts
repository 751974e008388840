import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CompletenessDto, CreateDossierDto, DossierDto, DossierListQuery, DossierPageDto, UpdateDossierDto } from './dto/dossier.dto';
import { DossierCompletenessService } from './dossier-completeness.service';
import { DossierDraftingService } from './dossier-drafting.service';
import { DossiersQueryService } from './dossiers-query.service';

@ApiTags('Hồ sơ đề xuất cấp độ')
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(
    private readonly queries: DossiersQueryService,
    private readonly drafting: DossierDraftingService,
    private readonly completeness: DossierCompletenessService,
  ) {}

  @Get()
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Danh sách hồ sơ đề xuất cấp độ trong phạm vi được xem' })
  @ApiOkResponse({ type: DossierPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: DossierListQuery): Promise<DossierPageDto> {
    return this.queries.list(user, query);
  }

  @Post()
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Lập hồ sơ đề xuất cấp độ (dự thảo) cho một hệ thống' })
  @ApiCreatedResponse({ type: DossierDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDossierDto): Promise<DossierDto> {
    return this.drafting.create(user, body);
  }

  @Get(':id')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Chi tiết hồ sơ: năm thành phần, phương án theo từng yêu cầu, tệp đính kèm' })
  @ApiOkResponse({ type: DossierDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<DossierDto> {
    return this.queries.get(user, id);
  }

  @Patch(':id')
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Sửa hồ sơ dự thảo (kèm phiên bản đã đọc)' })
  @ApiOkResponse({ type: DossierDto })
  update(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: UpdateDossierDto): Promise<DossierDto> {
    return this.drafting.update(user, id, body);
  }

  @Get(':id/completeness')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Những gì hồ sơ còn thiếu trước khi gửi thẩm định' })
  @ApiOkResponse({ type: CompletenessDto })
  completenessOf(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<CompletenessDto> {
    return this.completeness.check(user, id);
  }
}
