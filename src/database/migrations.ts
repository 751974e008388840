import { Foundation1764050000000 } from '../../migrations/1764050000000-Foundation';
import { SystemsInventory1764060000000 } from '../../migrations/1764060000000-SystemsInventory';
import { Dossiers1764070000000 } from '../../migrations/1764070000000-Dossiers';
import { Workflow1764080000000 } from '../../migrations/1764080000000-Workflow';
import { Campaigns1764090000000 } from '../../migrations/1764090000000-Campaigns';
import { ReportIndexes1764100900000 } from '../../migrations/1764100900000-ReportIndexes';
import { ReportFactWrites1764110000000 } from '../../migrations/1764110000000-ReportFactWrites';
import { ReportPeriodFacts1764120000000 } from '../../migrations/1764120000000-ReportPeriodFacts';
import { PriorApprovalClaims1764130000000 } from '../../migrations/1764130000000-PriorApprovalClaims';
import { SignInThrottle1764131000000 } from '../../migrations/1764131000000-SignInThrottle';
import { StateSecretRedaction1764132000000 } from '../../migrations/1764132000000-StateSecretRedaction';
import { ProcedureByLevel1764140000000 } from '../../migrations/1764140000000-ProcedureByLevel';
import { RegimeByAct1764150000000 } from '../../migrations/1764150000000-RegimeByAct';
import { DossierContents1764151000000 } from '../../migrations/1764151000000-DossierContents';
import { ProposalNote1764152000000 } from '../../migrations/1764152000000-ProposalNote';
import { CalendarConfirmation1764153000000 } from '../../migrations/1764153000000-CalendarConfirmation';
import { AnnualReports1764164000000 } from '../../migrations/1764164000000-AnnualReports';
import { PlanItems1764160000000 } from '../../migrations/1764160000000-PlanItems';
import { Inspections1764161000000 } from '../../migrations/1764161000000-Inspections';
import { Incidents1764163000000 } from '../../migrations/1764163000000-Incidents';
import { Redetermination1764162000000 } from '../../migrations/1764162000000-Redetermination';
import { ReturnItemsDone1764171000000 } from '../../migrations/1764171000000-ReturnItemsDone';
import { UserTitles1764172000000 } from '../../migrations/1764172000000-UserTitles';
import { AccountsAndSessions1764180000000 } from '../../migrations/1764180000000-AccountsAndSessions';
import { NotificationEventTime1764190000000 } from '../../migrations/1764190000000-NotificationEventTime';
import { ApprovalAfterSubmission1764200000000 } from '../../migrations/1764200000000-ApprovalAfterSubmission';
import { ReportBodyTimeline1764210000000 } from '../../migrations/1764210000000-ReportBodyTimeline';
import { ReportClaimWrites1764220000000 } from '../../migrations/1764220000000-ReportClaimWrites';

/** Every migration in order; the app, the TypeORM CLI and the tests apply this list. */
export const MIGRATIONS = [
  Foundation1764050000000,
  SystemsInventory1764060000000,
  Dossiers1764070000000,
  Workflow1764080000000,
  Campaigns1764090000000,
  ReportIndexes1764100900000,
  ReportFactWrites1764110000000,
  ReportPeriodFacts1764120000000,
  PriorApprovalClaims1764130000000,
  SignInThrottle1764131000000,
  StateSecretRedaction1764132000000,
  ProcedureByLevel1764140000000,
  RegimeByAct1764150000000,
  DossierContents1764151000000,
  ProposalNote1764152000000,
  CalendarConfirmation1764153000000,
  PlanItems1764160000000,
  Inspections1764161000000,
  Redetermination1764162000000,
  Incidents1764163000000,
  AnnualReports1764164000000,
  ReturnItemsDone1764171000000,
  UserTitles1764172000000,
  AccountsAndSessions1764180000000,
  NotificationEventTime1764190000000,
  ApprovalAfterSubmission1764200000000,
  ReportBodyTimeline1764210000000,
  ReportClaimWrites1764220000000,
];
