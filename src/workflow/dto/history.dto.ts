import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { APPRAISAL_DESK_STATUSES } from '../../dossiers/dossier-actions';
import { RefDto } from '../../dossiers/dto/dossier-parts.dto';

export class HistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'submit' }) action!: string;
  @ApiProperty({ example: 'Gửi thẩm định' }) actionLabel!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty() toStatusLabel!: string;
  @ApiProperty({ nullable: true, type: Number }) revision!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Tên đăng nhập người thực hiện' }) actor!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên và chức vụ người thực hiện ("Nguyễn Văn A, Chuyên viên")' })
  actorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Chi tiết của thao tác, tùy thao tác (ví dụ: số và ngày quyết định, kết luận thẩm định, nội dung yêu cầu bổ sung)',
  })
  details!: object;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RevisionSummaryDto {
  @ApiProperty() number!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Tên đăng nhập người gửi' }) submittedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên và chức vụ người gửi' }) submittedByName!: string | null;
}

export class RevisionDto extends RevisionSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Hồ sơ như đã gửi ở lần này (bản chốt): các trường của DossierDto trừ workflow, status, statusLabel, version, updatedAt, theo cấu trúc tại thời điểm gửi; { "redacted": "STATE_SECRET" } nếu hồ sơ liên quan bí mật nhà nước',
  })
  content!: object;
}

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPRAISAL_DESK_STATUSES }) @IsOptional() @IsIn(APPRAISAL_DESK_STATUSES) status?: string;
}

export class QueueItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: RefDto }) system!: RefDto;
  @ApiProperty({ type: RefDto }) owner!: RefDto;
  @ApiProperty() status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() proposedLevel!: number;
  @ApiProperty() regime!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) receivedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueKindLabel!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Hạn trả lời tính hợp lệ (Nghị định 85: mục tiêu nội bộ)' })
  validityDueOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Hạn thẩm định, tính từ ngày nhận hồ sơ' })
  appraisalDueOn!: string | null;
  @ApiProperty({ description: 'Yêu cầu bổ sung còn trong thời hạn (khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)' }) returnAllowed!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Thời hạn tính qua ngày nghỉ lễ, làm bù chưa được xác nhận nguồn' })
  calendarWarning!: string | null;
  @ApiProperty() version!: number;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
