import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { NotificationListQuery, NotificationPageDto } from './dto/notification.dto';
import { mapNotification } from './notification.mapper';
import { Notification } from './notification.entity';

/**
 * The caller's own inbox. Every query is keyed on the caller's id: another user's notification is
 * indistinguishable from a missing one (404). Reading is personal state, not a registry change, so it is
 * not written to the audit log.
 */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: NotificationListQuery): Promise<NotificationPageDto> {
    const [{ total, unread }]: { total: number; unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
      [user.id],
    );
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId: user.id });
    if (query.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const items = await qb
      .orderBy('n.occurred_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    return {
      items: items.map(mapNotification),
      total: query.unreadOnly ? unread : total,
      unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId: user.id })
      .execute();
    if (!result.affected) throw notFound('Không tìm thấy thông báo.');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId: user.id })
      .execute();
  }
}
