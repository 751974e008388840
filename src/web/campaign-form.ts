import { TIER_LABELS, TIERS } from '../reports/report-tiers';
import { FormBody, FormDraft, FormReader } from './form-input';

/** The tiers a campaign may address, with their Vietnamese labels. */
export const TIER_OPTIONS = TIERS.map((value) => ({ value, label: TIER_LABELS[value] }));

/** The "new campaign" form, to be validated as the API's CreateCampaignDto; no tier ticked leaves `tiers` out. */
export function campaignDtoFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const tiers = f.list('tiers');
  const plain = {
    number: f.text('number') ?? '',
    issuedOn: f.date('issuedOn') ?? '',
    issuer: f.text('issuer') ?? '',
    title: f.text('title') ?? '',
    deadline: f.date('deadline') ?? '',
    target: f.text('target') ?? '',
    tiers: tiers.length ? tiers : undefined,
  };
  return { plain, reader: f };
}
