import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { NOTIFICATION_KINDS, NotificationKind } from '../notification-kinds';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ default: false, description: 'Chỉ các thông báo chưa đọc' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly = false;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ description: 'Tên loại thông báo' }) kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) dossierId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'Thời điểm xảy ra sự việc được thông báo (danh sách sắp xếp theo đó)' })
  occurredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Thời điểm ghi thông báo' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ description: 'Số thông báo khớp bộ lọc' }) total!: number;
  @ApiProperty({ description: 'Số thông báo chưa đọc (mọi trang)' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
