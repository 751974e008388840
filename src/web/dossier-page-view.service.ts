import { Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { AccessService } from '../access/access.service';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgencyListQuery } from '../agencies/dto/agency.dto';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import { APPRAISAL_DESK_STATUSES } from '../dossiers/dossier-actions';
import { DossierCompletenessService } from '../dossiers/dossier-completeness.service';
import { ProcedurePath } from '../dossiers/dossier-path';
import { DossierStatus, isEditable } from '../dossiers/dossier-status';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { returnItemsByPart, supplementNote } from '../dossiers/return-answers';
import { DossierHistoryService } from '../workflow/dossier-history.service';
import { agencyOption } from './agency-form';
import { CONTENT_TABLES, CONTENT_TEXTS, contentTableRows } from './dossier-contents-form';
import {
  ATTACHMENT_KIND_OPTIONS,
  documentLinks,
  dossierFieldAnchor,
  dossierFieldLabel,
  FieldChange,
  missingAnchor,
  PLAN_STATUS_OPTIONS,
} from './dossier-form';
import { nextStep } from './dossier-next-step';
import { dossierPlanView, riskGuideView } from './dossier-plan-view';
import { FormBody, FormFailure } from './form-input';
import { PageRenderer } from './page-renderer.service';

/** A refused procedure form (by action, or `independent-appraiser`): its messages and what was typed. */
export type ProcedureFormState = Record<string, { failure: FormFailure; values: FormBody }>;

export interface DossierPageState {
  values: Record<string, string>;
  /** The editor's refused save. */
  failure?: FormFailure;
  /** A refused submit / withdraw / upload. */
  actionFailure?: FormFailure;
  forms?: ProcedureFormState;
  /** A save refused as VERSION_CONFLICT: what the other save changed, shown beside what was typed. */
  conflict?: { changes: FieldChange[]; savedAt: string };
  status?: number;
}

/**
 * The dossier page as every dossier page controller renders it: the editor, the completeness, the procedure's next
 * step and the forms of the actions this user may take now (`availableActions`).
 */
@Injectable()
export class DossierPageView {
  constructor(
    private readonly view: PageRenderer,
    private readonly completeness: DossierCompletenessService,
    private readonly history: DossierHistoryService,
    private readonly access: AccessService,
    private readonly agencies: AgenciesQueryService,
  ) {}

  async render(user: AuthUser, req: Request, res: Response, d: DossierDto, state: DossierPageState): Promise<void> {
    const target = { ownerAgencyId: d.owner.id, operatorAgencyId: d.operator.id, provinceCode: d.provinceCode };
    const mayWrite = roleHas(user.role, 'dossier:write');
    const inScope = this.access.canWriteSystemOf(user, target);
    const editable = mayWrite && inScope && isEditable(d.status);
    // Why the page is read-only, named truly (issue 21 point 1): a returned dossier is editable; a role or body that may
    // not edit it must not read that its status is the reason.
    const readOnly = editable ? null : !isEditable(d.status) ? 'status' : !mayWrite ? 'role' : 'scope';
    const w = d.workflow;
    const path = w.procedurePath as ProcedurePath;
    // ND331 Art. 18.4: the owner's leadership names an independent appraiser for a draft its specialised unit would
    // appraise (levels 1–3); shown to it on every such draft, since the routing is only resolved at submission.
    const roles = this.access.dossierActorRoles(user, {
      ...target,
      appraiserAgencyId: w.appraiserAgencyId,
      appraiserName: w.appraiserName,
      approverKind: null,
      approverAgencyId: null,
      specialisedUnitAgencyId: w.specialisedUnitAgencyId,
    });
    const canNameIndependent = roles.includes('OWNER') && isEditable(d.status) && (path === 'UNIT' || path === 'OWNER');
    const [completeness, history, units] = await Promise.all([
      this.completeness.check(user, d.id),
      this.history.history(user, d.id),
      canNameIndependent ? this.agencies.list(user, { page: 1, pageSize: 200 } as AgencyListQuery) : undefined,
    ]);
    const missing = completeness.missing.map((m) => ({ ...m, href: missingAnchor(m.code, m.ref, d.system.id) }));
    const warnings = completeness.warnings.map((m) => ({ ...m, href: missingAnchor(m.code, m.ref, d.system.id) }));
    const unitOptions = (units?.items ?? [])
      .filter((a) => a.status === 'ACTIVE' && a.id !== d.owner.id && a.id !== d.operator.id)
      .map(agencyOption);
    const step = nextStep({
      status: d.status,
      path,
      regime: d.regime,
      proposedLevel: d.proposedLevel,
      ownerName: d.owner.name,
      appraiserName: w.appraiserName,
      approverName: w.approverName,
      specialisedUnitName: w.specialisedUnitName,
    });
    // Each field error links to its input (or requirement row) and is named as the page names it (issue 21 point 9).
    const errorKeys = Object.keys(state.failure?.errors ?? state.actionFailure?.errors ?? {});
    const fieldLabels = Object.fromEntries(errorKeys.map((k) => [k, dossierFieldLabel(k, d)]));
    const fieldIds = Object.fromEntries(errorKeys.filter((k) => k !== 'version').map((k) => [k, dossierFieldAnchor(k)]));
    return this.view.render(
      req,
      res,
      'dossier',
      {
        d,
        fieldLabels,
        fieldIds,
        conflict: state.conflict,
        // The resubmission's "Nội dung đã bổ sung", pre-filled from the requests marked done.
        supplementNote: d.status === 'RETURNED' ? supplementNote(w.returnItems, w.returnItemsDone) : '',
        returnByPart: d.status === 'RETURNED' ? returnItemsByPart(w.returnItems, w.returnItemsDone) : {},
        values: state.values,
        errors: state.failure?.errors ?? state.actionFailure?.errors ?? {},
        failure: state.failure,
        actionFailure: state.actionFailure && {
          ...state.actionFailure,
          missing: state.actionFailure.missing?.map((m) => ({ ...m, href: missingAnchor(m.code, m.ref, d.system.id) })),
        },
        forms: state.forms ?? {},
        editable,
        readOnly,
        nextStep: step,
        canSubmit: !!d.availableActions?.includes('submit'),
        canWithdraw: !!d.availableActions?.includes('withdraw'),
        canNameIndependent,
        unitOptions,
        // The appraisal screen once the dossier reached the appraising body, and for the decision once approved.
        canAppraise: roleHas(user.role, 'dossier:appraise') && [...APPRAISAL_DESK_STATUSES, 'APPROVED'].includes(d.status as DossierStatus),
        completeness: { ...completeness, missing, warnings },
        // The explanatory report's contents (TT12 Art. 8.3–8.5; ND331 Art. 22.3–22.5): tables, texts, owner and operator.
        contentTables: CONTENT_TABLES,
        contentTexts: CONTENT_TEXTS.filter((t) => (!t.levels45 || d.proposedLevel >= 4) && (!t.nd331 || d.regime === 'ND331')),
        contentRows: contentTableRows(state.values),
        bodies: await this.agencies.byIds(d.owner.id === d.operator.id ? [d.owner.id] : [d.owner.id, d.operator.id]),
        history,
        documents: documentLinks(d),
        planStatusOptions: PLAN_STATUS_OPTIONS,
        // Phần 4 by the groups of TT12 Art. 9.3–9.4, and the risk assessment guide (ND331 Art. 22.4.c, 22.5): issue 21, B.
        planView: dossierPlanView(
          d,
          state.values,
          state.failure?.errors ?? state.actionFailure?.errors ?? {},
          completeness.missing.map((m) => m.ref),
        ),
        riskGuide: riskGuideView(d.proposedLevel),
        attachmentKinds: ATTACHMENT_KIND_OPTIONS,
      },
      state.status ?? 200,
    );
  }
}
