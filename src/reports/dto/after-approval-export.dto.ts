import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { AfterApprovalQuery } from './after-approval.dto';

export class AfterApprovalExportQuery extends AfterApprovalQuery {
  @ApiPropertyOptional({ description: 'Chỉ một cơ quan (là chủ quản hoặc đơn vị vận hành của hệ thống)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
