/**
 * The dossier state machine as a pure transition table with guards (legal brief, "Workflow"; ND85 Arts. 14–17,
 * ND331 Arts. 20–24). Services gather the facts; this module says whether an action is allowed and where it leads.
 */
import { ActorRole } from '../access/dossier-actors';
import { DossierAction, mayApproveWhileAppraising, TRANSITIONS } from '../dossiers/dossier-actions';
import { DOSSIER_STATUS_LABELS as STATUS_LABELS, DossierStatus } from '../dossiers/dossier-status';
import { FUTURE_DECISION_MESSAGE, isDecisionDateInFuture } from '../systems/prior-approvals/prior-approval-rules';
import { STATE_SECRET_DOSSIER_MESSAGE } from '../dossiers/state-secret-dossier';

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
  /** The routed appraising body also approves (levels 1–2, one step). */
  sameBodyAppraisesAndApproves: boolean;
  /** submit: items the completeness check still lists. */
  missingCount?: number;
  /** submit: a routing rule was found. */
  routed?: boolean;
  /** return: what the officer must supplement. */
  returnItems?: readonly string[];
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
  | 'DOSSIER_APPRAISAL_INVALID'
  | 'DOSSIER_DECISION_INVALID'
  | 'INTERNAL_REGULATION_MISSING'
  | 'DECISION_DATE_IN_FUTURE'
  | 'STATE_SECRET_OFFLINE_DOSSIER';

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
  switch (action) {
    case 'submit':
      if ((ctx.missingCount ?? 0) > 0)
        return refuse('DOSSIER_INCOMPLETE', `Hồ sơ còn thiếu ${ctx.missingCount} nội dung; xem danh sách và bổ sung trước khi gửi.`);
      if (!ctx.routed) return refuse('DOSSIER_NO_ROUTE', 'Chưa có quy tắc xác định đơn vị thẩm định cho hồ sơ này; liên hệ quản trị viên.');
      return { ok: true, to: 'SUBMITTED' };
    case 'return':
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
      // ND331 Art. 20.3: the level is approved by the competent body's decision; one dated after today has not been made.
      if (ctx.decisionDate && ctx.today && isDecisionDateInFuture(ctx.decisionDate, ctx.today))
        return refuse('DECISION_DATE_IN_FUTURE', FUTURE_DECISION_MESSAGE);
      if (!ctx.internalRegulationIssued)
        return refuse(
          'INTERNAL_REGULATION_MISSING',
          'Hệ thống chưa ban hành quy chế bảo đảm an toàn, an ninh mạng: chưa thể phê duyệt (Khoản 7 Điều 9 Thông tư 12/2022/TT-BTTTT).',
        );
      return { ok: true, to: 'APPROVED' };
    case 'withdraw':
      return { ok: true, to: 'WITHDRAWN' };
    case 'supersede':
      return { ok: true, to: 'SUPERSEDED' };
  }
}

const ACTOR_MESSAGES: Record<ActorRole, string> = {
  PREPARER: 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành của hệ thống được thực hiện thao tác này.',
  APPRAISER: 'Chỉ cán bộ của đơn vị thẩm định được phân công cho hồ sơ này được thực hiện thao tác này.',
  APPROVER: 'Chỉ cấp có thẩm quyền phê duyệt hồ sơ này được phê duyệt; cơ quan lập hồ sơ không tự phê duyệt.',
  SYSTEM: 'Thao tác này do hệ thống tự thực hiện.',
};
