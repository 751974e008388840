import { NotificationDto } from './dto/notification.dto';
import { NOTIFICATION_KIND_LABELS } from './notification-kinds';
import { Notification } from './notification.entity';

export function mapNotification(n: Notification): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind,
    title: n.title,
    body: n.body,
    dossierId: n.dossierId,
    occurredAt: n.occurredAt.toISOString(),
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
