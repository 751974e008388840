/**
 * The dossier state machine as a pure transition table with guards (ND331 Arts. 16–18, 20–24; ND85 Arts. 12, 14–17;
 * docs/legal/procedure-by-level.md, competence-by-level.md, independent-appraiser.md). Services gather the facts;
 * this module says whether an action is allowed and where it leads.
 */
import { ActorRole } from '../access/dossier-actors';
import { DossierAction, mayApproveWhileAppraising, pathAllows, TRANSITIONS } from '../dossiers/dossier-actions';
import { ProcedurePath } from '../dossiers/dossier-path';
import { DOSSIER_STATUS_LABELS as STATUS_LABELS, DossierStatus } from '../dossiers/dossier-status';
import { isDecisionDateInFuture } from '../systems/prior-approvals/prior-approval-rules';
import { decisionBeforeSubmissionRefusal, futureDecisionRefusal } from './decision-date';
import { STATE_SECRET_DOSSIER_MESSAGE } from '../dossiers/state-secret-dossier';
import { mayReturnForSupplement, returnWindowClosedMessage } from './statutory-deadlines';

// The table itself (actions, their statuses and actors) is `dossiers/dossier-actions.ts`, read by the DTO and pages too;
// who holds which actor role is `access/dossier-actors.ts`. These re-exports keep the workflow's callers on one import.
export { DOSSIER_ACTIONS, TRANSITIONS } from '../dossiers/dossier-actions';
export type { DossierAction } from '../dossiers/dossier-actions';
export type { ActorRole } from '../access/dossier-actors';

export interface TransitionContext {
  status: DossierStatus;
  /** Roles the acting user holds for this dossier (computed by the service from routing and agency). */
  actorRoles: readonly ActorRole[];
  proposedLevel: number;
  regime: 'ND85' | 'ND331';
  /** The procedure the dossier's level (and the List) gives it (dossiers/dossier-path.ts). */
  path: ProcedurePath;
  /** The Art. 17 listing request is already recorded. */
  listingRequested: boolean;
  /** The routed appraising body also approves (levels 1–2, one step). */
  sameBodyAppraisesAndApproves: boolean;
  /** submit: items the completeness check still lists. */
  missingCount?: number;
  /** submit: a routing rule was found. */
  routed?: boolean;
  /** submit: where the routing rule found contradicts the law's table (routing/competence.ts). */
  routeContradictions?: Record<string, string[]>;
  /** submit: the routed appraising agency operates or owns the system (ND331 Art. 18.4). */
  appraiserIsParty?: boolean;
  /** submit: an independent unit or council is recorded on the dossier (Art. 18.4.a–b). */
  independentAppraiserRecorded?: boolean;
  /** approve, approve-plan, record-listing: the signed decision's file came with the action. */
  decisionFile?: boolean;
  /** request-listing: the owner's request document. */
  requestNumber?: string;
  /** return: what the officer must supplement. */
  returnItems?: readonly string[];
  /** return: the last day of the validity window (ND331 Art. 23.2; ND85: internal target); needs `today`. */
  validityDueOn?: string | null;
  /** appraise: the conclusion and its reasons. */
  conclusion?: 'SUITABLE' | 'NOT_SUITABLE';
  reasons?: readonly string[];
  /** approve: the decision's level must be the proposed level (a change of level is a new proposal). */
  decisionLevel?: number;
  /** approve: TT12 Art. 9.7 / ND331 Art. 30.7 — the internal regulation is issued before approval. */
  internalRegulationIssued?: boolean;
  /** approve: the decision's date, and today in Vietnam; a decision is not dated after the day it is recorded. */
  decisionDate?: string;
  today?: string;
  /** approve, approve-plan, record-listing: the request confirms a decision dated after today (decision-date.ts). */
  futureDateConfirmed?: boolean;
  /** approve, approve-plan, record-listing: when the dossier was first sent; the decision is not dated before its day. */
  firstSubmittedAt?: Date | null;
  /** The system or the dossier's facts include state secrets (Law 116/2025 Art. 15): only withdrawal remains. */
  stateSecret?: boolean;
}

export type TransitionDecision = { ok: true; to: DossierStatus } | { ok: false; code: TransitionErrorCode; message: string };

export type TransitionErrorCode =
  | 'DOSSIER_INVALID_TRANSITION'
  | 'DOSSIER_ACTION_FORBIDDEN'
  | 'DOSSIER_INCOMPLETE'
  | 'DOSSIER_NO_ROUTE'
  | 'DOSSIER_RETURN_ITEMS_REQUIRED'
  | 'DOSSIER_RETURN_WINDOW_CLOSED'
  | 'DOSSIER_APPRAISAL_INVALID'
  | 'DOSSIER_DECISION_INVALID'
  | 'INTERNAL_REGULATION_MISSING'
  | 'DECISION_DATE_IN_FUTURE'
  | 'DECISION_DATE_BEFORE_SUBMISSION'
  | 'STATE_SECRET_OFFLINE_DOSSIER'
  | 'DOSSIER_WRONG_PROCEDURE'
  | 'DOSSIER_APPRAISER_NOT_INDEPENDENT'
  | 'ROUTING_CONTRADICTS_COMPETENCE'
  | 'DECISION_FILE_REQUIRED';

const refuse = (code: TransitionErrorCode, message: string): TransitionDecision => ({ ok: false, code, message });

export function decideTransition(action: DossierAction, ctx: TransitionContext): TransitionDecision {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(ctx.status)) {
    return refuse('DOSSIER_INVALID_TRANSITION', `Không thể thực hiện thao tác này khi hồ sơ ở trạng thái "${STATUS_LABELS[ctx.status]}".`);
  }
  if (!ctx.actorRoles.includes(rule.actor)) return refuse('DOSSIER_ACTION_FORBIDDEN', ACTOR_MESSAGES[rule.actor]);
  // Law 116/2025 Art. 15.1.d, 15.2.b: a state-secret system's dossier is not sent, appraised or approved online.
  if (ctx.stateSecret && action !== 'withdraw' && action !== 'supersede')
    return refuse('STATE_SECRET_OFFLINE_DOSSIER', STATE_SECRET_DOSSIER_MESSAGE);
  if (!pathAllows(action, ctx)) return refuse('DOSSIER_WRONG_PROCEDURE', wrongProcedureMessage(action, ctx));
  switch (action) {
    case 'submit':
    case 'owner-submit':
    case 'request-opinion':
      return sending(action, ctx);
    case 'give-opinion':
      // Art. 20.1.d: the specialised unit's opinion on whether the level and the plan are suitable.
      if (ctx.conclusion === 'SUITABLE') return { ok: true, to: 'OPINION_GIVEN' };
      if (ctx.conclusion === 'NOT_SUITABLE') {
        if (!ctx.reasons?.some((r) => r.trim()))
          return refuse('DOSSIER_APPRAISAL_INVALID', 'Ý kiến "chưa phù hợp" phải nêu rõ nội dung chưa phù hợp.');
        return { ok: true, to: 'DRAFT' };
      }
      return refuse('DOSSIER_APPRAISAL_INVALID', 'Cần cho ý kiến "phù hợp" hoặc "chưa phù hợp".');
    case 'request-approval':
      return { ok: true, to: 'AWAITING_APPROVAL' };
    case 'approve-plan':
      return decisionRecorded(ctx) ?? regulationIssued(ctx) ?? { ok: true, to: 'AWAITING_LISTING' };
    case 'record-listing':
      return decisionRecorded(ctx) ?? { ok: true, to: 'APPROVED' };
    case 'request-listing':
      if (ctx.regime !== 'ND331')
        return refuse(
          'DOSSIER_WRONG_PROCEDURE',
          'Danh mục hệ thống thông tin quan trọng về an ninh quốc gia được lập theo Điều 16, 17 Nghị định 331/2026/NĐ-CP; hồ sơ này theo Nghị định 85/2016/NĐ-CP.',
        );
      if (!ctx.requestNumber?.trim()) return refuse('DOSSIER_DECISION_INVALID', 'Cần ghi số văn bản đề nghị đưa vào Danh mục.');
      if (ctx.decisionDate && ctx.today && isDecisionDateInFuture(ctx.decisionDate, ctx.today))
        return refuse('DECISION_DATE_IN_FUTURE', 'Ngày văn bản đề nghị không được sau ngày hôm nay.');
      // Art. 17.2: found during appraisal by the specialised unit, the dossier goes back to be sent by the owner to the ministry.
      // A dossier already with the ministry (level 4) stays there: the level-5 procedure appraises it the same way (Art. 20.4).
      return {
        ok: true,
        to: ctx.path === 'OWNER' && (ctx.status === 'SUBMITTED' || ctx.status === 'UNDER_APPRAISAL') ? 'DRAFT' : ctx.status,
      };
    case 'return':
      // ND331 Art. 23.2: a return for supplement is the reply within the validity window; afterwards, Mẫu 04 "chưa phù hợp".
      if (ctx.today && !mayReturnForSupplement(ctx.validityDueOn, ctx.today))
        return refuse('DOSSIER_RETURN_WINDOW_CLOSED', returnWindowClosedMessage(ctx.regime, ctx.validityDueOn!));
      if (!ctx.returnItems?.some((i) => i.trim()))
        return refuse('DOSSIER_RETURN_ITEMS_REQUIRED', 'Cần nêu rõ những nội dung cơ quan phải bổ sung.');
      return { ok: true, to: 'RETURNED' };
    case 'start-appraisal':
      return { ok: true, to: 'UNDER_APPRAISAL' };
    case 'appraise':
      if (ctx.conclusion === 'SUITABLE') return { ok: true, to: 'APPRAISED' };
      if (ctx.conclusion === 'NOT_SUITABLE') {
        if (!ctx.reasons?.some((r) => r.trim()))
          return refuse('DOSSIER_APPRAISAL_INVALID', 'Kết luận "chưa phù hợp" phải nêu rõ nội dung chưa phù hợp.');
        return { ok: true, to: 'DRAFT' };
      }
      return refuse('DOSSIER_APPRAISAL_INVALID', 'Cần kết luận "phù hợp" hoặc "chưa phù hợp".');
    case 'approve':
      if (ctx.status === 'UNDER_APPRAISAL' && !mayApproveWhileAppraising(ctx.proposedLevel, ctx.sameBodyAppraisesAndApproves)) {
        return refuse(
          'DOSSIER_INVALID_TRANSITION',
          'Chỉ hồ sơ cấp độ 1, 2 do cùng một đơn vị thẩm định và phê duyệt mới được phê duyệt ngay khi đang thẩm định.',
        );
      }
      if (ctx.decisionLevel !== ctx.proposedLevel) {
        return refuse(
          'DOSSIER_DECISION_INVALID',
          `Quyết định phải phê duyệt đúng cấp độ đề xuất (cấp độ ${ctx.proposedLevel}); thay đổi cấp độ là một đề xuất mới.`,
        );
      }
      // ND331 Art. 20.3: the level is approved by the competent body's decision; one dated after today only when confirmed.
      return decisionRecorded(ctx) ?? regulationIssued(ctx) ?? { ok: true, to: 'APPROVED' };
    case 'withdraw':
      return { ok: true, to: 'WITHDRAWN' };
    case 'supersede':
      return { ok: true, to: 'SUPERSEDED' };
  }
}

/** submit, request-opinion, owner-submit: what sending the dossier on needs (Art. 20.1, 18.4, 21). */
function sending(action: 'submit' | 'owner-submit' | 'request-opinion', ctx: TransitionContext): TransitionDecision {
  if ((ctx.missingCount ?? 0) > 0)
    return refuse('DOSSIER_INCOMPLETE', `Hồ sơ còn thiếu ${ctx.missingCount} nội dung; xem danh sách và bổ sung trước khi gửi.`);
  if (!ctx.routed) return refuse('DOSSIER_NO_ROUTE', 'Chưa có quy tắc xác định đơn vị thẩm định cho hồ sơ này; liên hệ quản trị viên.');
  const against = Object.values(ctx.routeContradictions ?? {}).flat();
  if (against.length)
    return refuse(
      'ROUTING_CONTRADICTS_COMPETENCE',
      `Quy tắc phân công áp dụng cho hồ sơ này trái thẩm quyền theo cấp độ: ${against.join('; ')}. Đề nghị quản trị viên sửa quy tắc.`,
    );
  if (action !== 'request-opinion' && ctx.appraiserIsParty && !ctx.independentAppraiserRecorded)
    return refuse(
      'DOSSIER_APPRAISER_NOT_INDEPENDENT',
      'Đơn vị thẩm định được phân công cũng là chủ quản hoặc đơn vị vận hành hệ thống này: chủ quản cần giao một đơn vị trực thuộc khác có đủ năng lực, hoặc thành lập Hội đồng thẩm định độc lập, và ghi vào hồ sơ trước khi gửi (khoản 4 Điều 18 Nghị định 331/2026/NĐ-CP; Điều 6 Thông tư 12/2022/TT-BTTTT).',
    );
  return { ok: true, to: action === 'request-opinion' ? 'AWAITING_OPINION' : 'SUBMITTED' };
}

/**
 * Every decision recorded: its signed file, and a date not after today unless the request confirms it — Decree 30/2020
 * Art. 15.2 lets a signed paper be dated up to the next working day; the approval then counts from that date — nor
 * before the day the dossier it approves was first sent (ND331 Arts. 20.3, 24.1; workflow/decision-date.ts,
 * docs/legal/decision-date.md).
 */
function decisionRecorded(ctx: TransitionContext): TransitionDecision | undefined {
  const futureDate = futureDecisionRefusal({ decisionDate: ctx.decisionDate, today: ctx.today, confirmed: ctx.futureDateConfirmed });
  if (futureDate) return refuse('DECISION_DATE_IN_FUTURE', futureDate);
  const beforeSubmission = decisionBeforeSubmissionRefusal({ decisionDate: ctx.decisionDate, firstSubmittedAt: ctx.firstSubmittedAt });
  if (beforeSubmission) return refuse('DECISION_DATE_BEFORE_SUBMISSION', beforeSubmission);
  if (!ctx.decisionFile)
    return refuse('DECISION_FILE_REQUIRED', 'Cần tải lên bản quyết định đã ký (tệp PDF) cùng số, ngày, người ký và chức vụ người ký.');
  return undefined;
}

/** TT12 Art. 9.7 / ND331 Art. 30.7: the internal regulation is issued before the dossier (or its plan) is approved. */
function regulationIssued(ctx: TransitionContext): TransitionDecision | undefined {
  if (ctx.internalRegulationIssued) return undefined;
  return refuse(
    'INTERNAL_REGULATION_MISSING',
    'Hệ thống chưa ban hành quy chế bảo đảm an toàn, an ninh mạng: chưa thể phê duyệt (Khoản 7 Điều 9 Thông tư 12/2022/TT-BTTTT).',
  );
}

/** Why the dossier's procedure does not use this action (dossiers/dossier-path.ts; Art. 18, 20). */
function wrongProcedureMessage(action: DossierAction, ctx: TransitionContext): string {
  switch (action) {
    case 'submit':
      return 'Hồ sơ đề xuất cấp độ 4, 5 (hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia) phải xin ý kiến chuyên môn của đơn vị chuyên trách (Mẫu 03), rồi chủ quản gửi cơ quan thẩm định (điểm d khoản 1 Điều 20 Nghị định 331/2026/NĐ-CP).';
    case 'request-opinion':
    case 'owner-submit':
      return 'Chỉ hồ sơ đề xuất cấp độ 4, 5 (hoặc thuộc Danh mục) mới xin ý kiến chuyên môn và do chủ quản gửi thẩm định; hồ sơ này do đơn vị vận hành gửi thẩm định (điểm b, c khoản 1 Điều 20 Nghị định 331/2026/NĐ-CP).';
    case 'request-approval':
      return 'Hồ sơ cấp độ 1, 2 do đơn vị chuyên trách phê duyệt, không lập Tờ trình (điểm a khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP).';
    case 'approve':
      if (ctx.path === 'NATIONAL_LIST')
        return 'Hệ thống cấp độ 5 (hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia) không phê duyệt cấp độ bằng Mẫu 06: chủ quản phê duyệt phương án bảo đảm an ninh mạng (Mẫu 07), Thủ tướng Chính phủ phê duyệt Danh mục (điểm d, đ khoản 3 Điều 18; điểm c khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP).';
      return 'Từ cấp độ 3, đơn vị vận hành trình chủ quản phê duyệt bằng Tờ trình (Mẫu 05); chủ quản phê duyệt sau khi nhận Tờ trình (điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP).';
    case 'approve-plan':
    case 'record-listing':
      return 'Chỉ hệ thống cấp độ 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia mới phê duyệt phương án (Mẫu 07) và Danh mục (điểm d, đ khoản 3 Điều 18 Nghị định 331/2026/NĐ-CP).';
    case 'request-listing':
      return ctx.listingRequested
        ? 'Đề nghị đưa hệ thống vào Danh mục đã được ghi nhận.'
        : ctx.proposedLevel >= 5
          ? 'Hệ thống cấp độ 5 là hệ thống thông tin quan trọng về an ninh quốc gia (khoản 4 Điều 16 Nghị định 331/2026/NĐ-CP); không cần đề nghị riêng.'
          : 'Chỉ hệ thống cấp độ 3, 4 được đề nghị đưa vào Danh mục theo Điều 17 (khoản 4 Điều 20 Nghị định 331/2026/NĐ-CP).';
    default:
      return 'Thao tác này không thuộc trình tự của hồ sơ.';
  }
}

const ACTOR_MESSAGES: Record<ActorRole, string> = {
  PREPARER: 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành của hệ thống được thực hiện thao tác này.',
  SPECIALIST: 'Chỉ đơn vị chuyên trách của chủ quản cho ý kiến chuyên môn về hồ sơ này (điểm d khoản 1 Điều 20 Nghị định 331/2026/NĐ-CP).',
  APPRAISER: 'Chỉ cán bộ của đơn vị thẩm định được phân công cho hồ sơ này được thực hiện thao tác này.',
  APPROVER: 'Chỉ cấp có thẩm quyền phê duyệt hồ sơ này được phê duyệt; cơ quan lập hồ sơ không tự phê duyệt.',
  OWNER: 'Chỉ lãnh đạo cơ quan chủ quản của hệ thống được thực hiện thao tác này (Điều 31 Nghị định 331/2026/NĐ-CP).',
  REGISTRAR: 'Chỉ quản trị viên ghi nhận quyết định của Thủ tướng Chính phủ phê duyệt Danh mục.',
  SYSTEM: 'Thao tác này do hệ thống tự thực hiện.',
};
