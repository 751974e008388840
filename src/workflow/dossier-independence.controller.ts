import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { IndependentAppraiserDto } from './dto/independent-appraiser.dto';
import { IndependentAppraiserService } from './independent-appraiser.service';

@ApiTags('Thẩm định, phê duyệt')
@Controller('api/v1/dossiers/:id/independent-appraiser')
export class DossierIndependenceController {
  constructor(private readonly independence: IndependentAppraiserService) {}

  @Put()
  @RequirePermission('dossier:decide')
  @ApiOperation({
    summary: 'Chủ quản giao đơn vị trực thuộc khác hoặc thành lập Hội đồng thẩm định độc lập (khoản 4 Điều 18 NĐ 331/2026)',
  })
  @ApiOkResponse({ type: DossierDto })
  record(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: IndependentAppraiserDto): Promise<DossierDto> {
    return this.independence.record(user, id, body);
  }
}
