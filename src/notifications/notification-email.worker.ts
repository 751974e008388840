import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobsService } from './jobs.service';
import { NotificationKind } from './notification-kinds';
import { composeNotificationMail } from './notification-mail';
import { NOTIFICATION_EMAIL_JOB, NOTIFICATION_EMAIL_QUEUE, NotificationEmailJob } from './notifications.service';

interface PendingMail {
  kind: NotificationKind;
  title: string;
  body: string;
  dossier_id: string | null;
  occurred_at: Date;
  emailed_at: Date | null;
  email: string | null;
  full_name: string;
  active: boolean;
}

/** Sends the e-mail copy of a notification through SMTP_URL and records when it left. */
@Injectable()
export class NotificationEmailWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationEmail');
  private readonly transport?: Transporter;
  private readonly publicUrl: string;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {
    if (config.SMTP_URL) {
      // Bounded waits: a hung mail server fails the job (retried later) instead of holding the worker.
      this.transport = createTransport(
        { url: config.SMTP_URL, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
        { from: config.MAIL_FROM },
      );
    }
    this.publicUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  }

  onModuleInit(): Promise<void> {
    return this.jobs.registerWorker<NotificationEmailJob>(
      NOTIFICATION_EMAIL_QUEUE,
      (job) => this.deliver(job.notificationId),
      NOTIFICATION_EMAIL_JOB,
    );
  }

  /** After the jobs have stopped (onModuleDestroy), so no send is cut off. */
  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /**
   * Idempotent, as pg-boss delivers at least once: a notification already e-mailed is skipped. A crash between
   * the SMTP hand-off and the UPDATE can still send one duplicate, which beats losing the message.
   */
  async deliver(notificationId: string): Promise<void> {
    const [n]: PendingMail[] = await this.dataSource.query(
      `SELECT n.kind, n.title, n.body, n.dossier_id, n.occurred_at, n.emailed_at, NULLIF(btrim(u.email), '') AS email, u.full_name, u.active
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!n || n.emailed_at || !n.email || !n.active) return;
    if (!this.transport) {
      this.logger.log(`SMTP_URL chưa được cấu hình: thông báo ${notificationId} chỉ có trong hộp thư capdo, không gửi e-mail.`);
      return;
    }
    const mail = composeNotificationMail(
      { kind: n.kind, title: n.title, body: n.body, dossierId: n.dossier_id, recipientName: n.full_name, occurredAt: n.occurred_at },
      this.publicUrl,
    );
    await this.transport.sendMail({ to: { name: n.full_name, address: n.email }, ...mail });
    await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [notificationId]);
  }
}
