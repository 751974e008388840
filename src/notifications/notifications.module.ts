import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';
import { NotificationEmailWorker } from './notification-email.worker';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Global: every workflow use case notifies, and any feature may schedule background jobs. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [JobsService, NotificationsService, NotificationInboxService, NotificationEmailWorker],
  exports: [JobsService, NotificationsService, NotificationInboxService],
})
export class NotificationsModule {}
