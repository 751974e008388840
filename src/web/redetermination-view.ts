import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import type { RedeterminationFlagDto } from '../redetermination/dto/redetermination.dto';
import { RECORDED_SOURCES, RISK_EVENT_LABELS, RISK_EVENTS, SOURCE_LABELS } from '../redetermination/redetermination-rules';

export interface RedeterminationView {
  open: RedeterminationFlagDto | undefined;
  canReview: boolean;
  sources: { value: string; label: string }[];
  riskEvents: { value: string; label: string }[];
}

/** What the system page's re-determination section shows: the open flag, and the appraiser's forms. */
export function redeterminationView(user: AuthUser, open: RedeterminationFlagDto | undefined): RedeterminationView {
  return {
    open,
    canReview: roleHas(user.role, 'redetermination:review'),
    sources: RECORDED_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] })),
    riskEvents: RISK_EVENTS.map((value) => ({ value, label: RISK_EVENT_LABELS[value] })),
  };
}
