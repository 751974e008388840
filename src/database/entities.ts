import { Agency } from '../agencies/agency.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { CalendarConfirmation } from '../calendar/calendar-confirmation.entity';
import { CalendarOverride } from '../calendar/calendar-override.entity';
import { DossierAttachment } from '../dossiers/dossier-attachment.entity';
import { Incident } from '../incidents/incident.entity';
import { Notification } from '../notifications/notification.entity';
import { Dossier } from '../dossiers/dossier.entity';
import { RoutingRule } from '../routing/routing-rule.entity';
import { InformationSystem } from '../systems/system.entity';
import { User } from '../users/user.entity';

/** Every entity, listed explicitly so the app, the CLI and the tests load the same set. */
export const ENTITIES = [
  Agency,
  User,
  LoginThrottle,
  AuditLog,
  InformationSystem,
  Dossier,
  DossierAttachment,
  RoutingRule,
  Notification,
  CalendarOverride,
  CalendarConfirmation,
  Incident,
];
