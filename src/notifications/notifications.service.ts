import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { toNfc } from '../common/text/vietnamese';
import { JobsService, WorkerOptions } from './jobs.service';
import { isNotificationKind, NotificationKind } from './notification-kinds';
import { NotificationRecipients, recipientCondition } from './notification-recipients';

export const NOTIFICATION_EMAIL_QUEUE = 'notification-email';

/** Five retries, delays doubling from 1–2 minutes (pg-boss adds jitter): about an hour of SMTP outage is absorbed. */
export const NOTIFICATION_EMAIL_JOB: WorkerOptions = { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 5 * 60, batchSize: 10 };

export interface NotifyInput {
  recipients: NotificationRecipients;
  kind: NotificationKind;
  title: string;
  body: string;
  dossierId?: string;
  /** The same key for the same user is stored once (reminders, retried use cases). */
  dedupeKey?: string;
  /** When the reported event happened; by default the workflow's clock now (which the demo sets to each step's date). */
  occurredAt?: Date;
}

export interface NotificationEmailJob {
  notificationId: string;
}

const TITLE_MAX = 300;

/** Puts notifications in users' inboxes and queues their e-mail copies, as part of the caller's use case. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside the caller's transaction `em`: one inbox row per active recipient (none twice for one dedupeKey)
   * and one e-mail job per new row whose user has an address. A rolled-back use case therefore leaves no
   * row and sends no mail. Returns the number of rows created.
   */
  async notify(em: EntityManager, input: NotifyInput): Promise<number> {
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('NotificationsService.notify must be called with the EntityManager of an open transaction.');
    if (!isNotificationKind(input.kind)) throw new Error(`Unknown notification kind: ${input.kind}`);
    const who = recipientCondition(input.recipients, 'u', 7);
    if (!who) return 0;
    const title = truncate(toNfc(input.title.trim()), TITLE_MAX);
    const body = toNfc(input.body.trim());
    const created: { id: string; email: string | null }[] = await em.query(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, kind, title, body, dossier_id, dedupe_key, occurred_at)
         SELECT u.id, $1, $2, $3, $4::uuid, $5, $6::timestamptz FROM users u WHERE ${who.sql}
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id, user_id)
       SELECT i.id, NULLIF(btrim(u.email), '') AS email FROM inserted i JOIN users u ON u.id = i.user_id`,
      [input.kind, title, body, input.dossierId ?? null, input.dedupeKey ?? null, input.occurredAt ?? this.clock.now(), ...who.params],
    );
    for (const row of created) {
      if (row.email)
        await this.jobs.send(
          em,
          NOTIFICATION_EMAIL_QUEUE,
          { notificationId: row.id } satisfies NotificationEmailJob,
          NOTIFICATION_EMAIL_JOB,
        );
    }
    return created.length;
  }
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
