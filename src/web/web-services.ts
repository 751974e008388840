import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AgenciesAdminService } from '../agencies/agencies-admin.service';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgenciesReorganisationService } from '../agencies/agencies-reorganisation.service';
import { AuditQueryService } from '../audit/audit-query.service';
import { AuthService } from '../auth/auth.service';
import { CalendarAdminService } from '../calendar/calendar-admin.service';
import { CalendarService } from '../calendar/calendar.service';
import { ClassificationService } from '../classification/classification.service';
import { DossierAttachmentsService } from '../dossiers/dossier-attachments.service';
import { DossierCompletenessService } from '../dossiers/dossier-completeness.service';
import { DossierDraftingService } from '../dossiers/dossier-drafting.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { NotificationInboxService } from '../notifications/notification-inbox.service';
import { ApprovalRateService } from '../reports/approval-rate.service';
import { CampaignsService } from '../reports/campaigns.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { SystemsCommandService } from '../systems/systems-command.service';
import { SystemsQueryService } from '../systems/systems-query.service';
import { PriorApprovalsService } from '../systems/prior-approvals/prior-approvals.service';
import { Clock } from '../common/clock';
import { AppraisalQueueService } from '../workflow/appraisal-queue.service';
import { DossierHistoryService } from '../workflow/dossier-history.service';
import { DossierWorkflowService } from '../workflow/dossier-workflow.service';

/**
 * The features' own services, for the pages to call with the signed-in user: the same use cases, access checks
 * and audit as the API, never a copy. Several are not exported by their modules (they only serve their own
 * controller), so they are looked up once across modules instead of widening every module's exports.
 */
@Injectable()
export class WebServices implements OnModuleInit {
  auth!: AuthService;
  agencies!: AgenciesQueryService;
  agencyAdmin!: AgenciesAdminService;
  reorganisations!: AgenciesReorganisationService;
  audit!: AuditQueryService;
  calendar!: CalendarService;
  calendarAdmin!: CalendarAdminService;
  classification!: ClassificationService;
  systems!: SystemsQueryService;
  systemCommands!: SystemsCommandService;
  priorApprovals!: PriorApprovalsService;
  dossiers!: DossiersQueryService;
  drafting!: DossierDraftingService;
  completeness!: DossierCompletenessService;
  attachments!: DossierAttachmentsService;
  workflow!: DossierWorkflowService;
  history!: DossierHistoryService;
  queue!: AppraisalQueueService;
  approvalRate!: ApprovalRateService;
  campaigns!: CampaignsService;
  routing!: RoutingRulesService;
  inbox!: NotificationInboxService;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  /** Today in Vietnam, from the clock the workflow reads (tests pin it). */
  clockToday(): string {
    return this.clock.today();
  }

  onModuleInit(): void {
    const get = <T>(type: Type<T>): T => this.moduleRef.get(type, { strict: false });
    this.auth = get(AuthService);
    this.agencies = get(AgenciesQueryService);
    this.agencyAdmin = get(AgenciesAdminService);
    this.reorganisations = get(AgenciesReorganisationService);
    this.audit = get(AuditQueryService);
    this.calendar = get(CalendarService);
    this.calendarAdmin = get(CalendarAdminService);
    this.classification = get(ClassificationService);
    this.systems = get(SystemsQueryService);
    this.systemCommands = get(SystemsCommandService);
    this.priorApprovals = get(PriorApprovalsService);
    this.dossiers = get(DossiersQueryService);
    this.drafting = get(DossierDraftingService);
    this.completeness = get(DossierCompletenessService);
    this.attachments = get(DossierAttachmentsService);
    this.workflow = get(DossierWorkflowService);
    this.history = get(DossierHistoryService);
    this.queue = get(AppraisalQueueService);
    this.approvalRate = get(ApprovalRateService);
    this.campaigns = get(CampaignsService);
    this.routing = get(RoutingRulesService);
    this.inbox = get(NotificationInboxService);
  }
}
