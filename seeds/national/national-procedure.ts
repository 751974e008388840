import { storedFileName } from '../../src/dossiers/attachment-type';
import type { Dossier } from '../../src/dossiers/dossier.entity';
import type { ProcedurePath } from '../../src/dossiers/dossier-path';
import type { DossierStatus } from '../../src/dossiers/dossier-status';
import type { Route } from '../../src/routing/routing-rules.service';
import { actionEffects, ActionInput, eventDetails } from '../../src/workflow/dossier-effects';
import type { DossierAction } from '../../src/workflow/dossier-transitions';
import type { DeadlineCalendar } from '../../src/workflow/statutory-deadlines';
import { decisionStyle, DecisionStyle } from '../demo-heads';
import { AgencyRow, MINISTRY_APPRAISER, ProvinceBodies, RoutingRuleRow } from './national-agencies';
import type { DossierRow } from './national-dossiers';

/**
 * How the national dataset's dossiers follow the procedure by level (ND331 Art. 18, 20; src/dossiers/dossier-path.ts):
 * who signs the owner's decisions, the independent council of a police-owned system, the route a submission takes and
 * the effects of each action, computed by the product's own `actionEffects`/`eventDetails` so that the generated
 * histories are what the workflow would have recorded.
 */

/**
 * How a body's head signs its decisions: "…/QĐ-UBND" signed by the Chairman of a People's Committee, "…/QĐ-SXD" by
 * the Director of Sở Xây dựng, and so on (the Sơn La demo's style, seeds/demo-heads.ts, for every province). The
 * signer's name is made up, always the same for the same body.
 */
export function ownerDecisionStyle(body: AgencyRow): DecisionStyle {
  const { signerName } = decisionStyle(body);
  const suffix = body.code.replace(/^[A-Z]+-/, '');
  const head = (abbreviation: string, signerTitle: string): DecisionStyle => ({ abbreviation, signerTitle, signerName });
  switch (body.kind) {
    case 'province_committee':
      return head('UBND', `Chủ tịch ${body.name}`);
    case 'police':
      return head('CAT', `Giám đốc ${body.name}`);
    case 'party_body':
      return head('VPTU', `Chánh ${body.name}`);
    case 'ward':
    case 'commune':
    case 'other':
      return head('UBND', `Chủ tịch ${body.name}`);
    case 'department':
      if (suffix === 'VP-UBND') return head('VPUB', `Chánh ${body.name}`);
      if (suffix === 'TTR') return head('TTr', `Chánh ${body.name}`);
      // "SO-XD" → "SXD".
      return head(`S${suffix.replace(/^SO-/, '').replace(/-/g, '')}`, `Giám đốc ${body.name}`);
    default:
      return head(suffix.replace(/-/g, ''), `${body.name.startsWith('Ban ') ? 'Trưởng ban' : 'Giám đốc'} ${body.name}`);
  }
}

/** The independent council a police-owned system's dossier is appraised by (ND331 Art. 18.4.b): no police member. */
export function policeCouncil(province: ProvinceBodies): { name: string; members: { name: string; title: string }[] } {
  return {
    name: `Hội đồng thẩm định độc lập hồ sơ đề xuất cấp độ của ${province.police.name}`,
    members: [
      { name: 'Nguyễn Văn Thành', title: `Phó Giám đốc Sở Khoa học và Công nghệ ${province.title}, Chủ tịch Hội đồng` },
      { name: 'Trần Thị Thu Hà', title: `Trưởng phòng Tin học, Văn phòng UBND ${province.title}, thành viên` },
      { name: 'Lê Minh Quân', title: 'Chuyên gia an toàn thông tin, thành viên' },
    ],
  };
}

/**
 * What RoutingRulesService.resolve answers for the rule, with the independent appraiser applied as the workflow does
 * (the approver of an OWNER rule is the owner itself).
 */
export function routeOf(rule: RoutingRuleRow, d: DossierRow, province: ProvinceBodies, owner: AgencyRow): Route {
  const police = province.police;
  const route: Route = {
    ruleId: rule.id,
    ruleName: rule.name,
    appraiserAgencyId: rule.appraiserAgencyId,
    appraiserName: rule.appraiserAgencyId ? police.name : (rule.appraiserExternalName ?? MINISTRY_APPRAISER),
    approverKind: rule.approverKind,
    approverAgencyId: rule.approverKind === 'OWNER' ? owner.id : rule.approverAgencyId,
    approverName: rule.approverKind === 'OWNER' ? owner.name : police.name,
    specialisedUnitAgencyId: rule.specialisedUnitAgencyId,
    specialisedUnitName: rule.specialisedUnitAgencyId ? police.name : null,
    contradictions: {},
  };
  const independent = d.independentAppraiser;
  if (!independent || !route.appraiserAgencyId || ![d.ownerId, d.operatorId].includes(route.appraiserAgencyId)) return route;
  return { ...route, appraiserAgencyId: independent.kind === 'UNIT' ? independent.agencyId : null, appraiserName: independent.name };
}

/** The routed specialised unit would appraise a system it owns or runs (ND331 Art. 18.4). */
export function appraiserIsParty(rule: RoutingRuleRow, d: DossierRow): boolean {
  return !!rule.appraiserAgencyId && [d.ownerId, d.operatorId].includes(rule.appraiserAgencyId);
}

/** The facts `actionEffects` reads besides the dossier. */
export interface StepFacts {
  day: string;
  when: number;
  calendar: DeadlineCalendar;
  actor: string;
  path: ProcedurePath;
  route?: Route;
  ownerName?: string;
}

const INSTANTS = ['submittedAt', 'firstSubmittedAt', 'approvedAt'] as const;

/**
 * Applies an action the transition table allows to the generated dossier, as DossierWorkflowService.act does: status,
 * version, then `actionEffects` (dates kept as epoch milliseconds here); returns the history event's details.
 */
export function applyAction(d: DossierRow, action: DossierAction, to: DossierStatus, input: ActionInput, facts: StepFacts): object {
  const entity = {
    ...d,
    firstSubmittedAt: d.firstSubmittedAt === null ? null : new Date(d.firstSubmittedAt),
  } as unknown as Dossier;
  const effects = actionEffects(entity, action, to, input, {
    today: facts.day,
    now: new Date(facts.when),
    calendar: facts.calendar,
    actor: facts.actor,
    route: facts.route,
    path: facts.path,
    ownerName: facts.ownerName,
  });
  const changed: Record<string, unknown> = { ...effects };
  for (const key of INSTANTS) if (changed[key] instanceof Date) changed[key] = (changed[key] as Date).getTime();
  Object.assign(d, changed);
  d.status = to;
  d.version++;
  d.updatedAt = facts.when;
  return eventDetails(action, input, { ...entity, ...effects, status: to } as Dossier);
}

/** The stored name of a decision's signed scan, as the workflow stores the file the demo uploads. */
export function decisionFileName(number: string): string {
  return storedFileName(`Quyết định ${number.replace(/\//g, '-')}.pdf`, 'application/pdf');
}
