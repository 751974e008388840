import { FormBody, FormDraft, FormReader } from './form-input';

/** The "add a rule" form, to be validated as the API's CreateRoutingRuleDto; only the chosen approver kind's field is kept. */
export function routingRuleDtoFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const approverKind = f.text('approverKind') ?? '';
  const plain = {
    name: f.text('name') ?? '',
    ownerAgencyId: f.text('ownerAgencyId') ?? '',
    includeSubtree: f.raw('includeSubtree') === 'true',
    minLevel: f.int('minLevel'),
    maxLevel: f.int('maxLevel'),
    regime: f.text('regime', null),
    appraiserAgencyId: f.text('appraiserAgencyId', null),
    appraiserExternalName: f.text('appraiserExternalName', null),
    approverKind,
    approverAgencyId: approverKind === 'AGENCY' ? f.text('approverAgencyId', null) : null,
    approverExternalName: approverKind === 'EXTERNAL' ? f.text('approverExternalName', null) : null,
    specialisedUnitAgencyId: f.text('specialisedUnitAgencyId', null),
    // The owner's designation of another approving body only means something when an agency approves.
    approverDesignation: approverKind === 'AGENCY' ? f.text('approverDesignation', null) : null,
    priority: f.int('priority'),
  };
  return { plain, reader: f };
}

/** The "pause / resume" button of a rule, as the API's update: its version and the new state. */
export function routingToggleFromForm(body: FormBody): { version: number; active: boolean } {
  return { version: Number(body.version), active: body.active === 'true' };
}
