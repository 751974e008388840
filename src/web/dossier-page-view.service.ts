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
import { DossierHistoryService } from '../workflow/dossier-history.service';
import { agencyOption } from './agency-form';
import { CONTENT_TABLES, CONTENT_TEXTS, contentTableRows } from './dossier-contents-form';
import { ATTACHMENT_KIND_OPTIONS, documentLinks, missingAnchor, PLAN_STATUS_OPTIONS } from './dossier-form';
import { nextStep } from './dossier-next-step';
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
    const editable = roleHas(user.role, 'dossier:write') && this.access.canWriteSystemOf(user, target) && isEditable(d.status);
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
    return this.view.render(
      req,
      res,
      'dossier',
      {
        d,
        values: state.values,
        errors: state.failure?.errors ?? state.actionFailure?.errors ?? {},
        failure: state.failure,
        actionFailure: state.actionFailure,
        forms: state.forms ?? {},
        editable,
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
        attachmentKinds: ATTACHMENT_KIND_OPTIONS,
      },
      state.status ?? 200,
    );
  }
}
