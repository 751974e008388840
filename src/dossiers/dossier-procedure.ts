/**
 * A dossier's procedure read from its row: its path (dossier-path.ts) and what `availableActions` reads. Pure.
 */
import { meetsNationalSecurityCriteria } from '../classification/rules/national-security';
import type { DossierRouting } from './dossier-actions';
import type { Dossier } from './dossier.entity';
import { procedurePath, ProcedurePath } from './dossier-path';

/**
 * ND331 Arts. 16–17, 20.4: on the List when the owner requested it (Art. 17) or the questionnaire's facts meet an
 * Art. 16 criterion; a level-5 system always is (Art. 16.4), which `procedurePath` applies.
 */
export function onNationalList(d: Pick<Dossier, 'nationalListing' | 'classification'>): boolean {
  return !!d.nationalListing || meetsNationalSecurityCriteria(d.classification.facts);
}

export function pathOf(d: Pick<Dossier, 'proposedLevel' | 'regime' | 'nationalListing' | 'classification'>): ProcedurePath {
  return procedurePath({ proposedLevel: d.proposedLevel, regime: d.regime, onNationalList: onNationalList(d) });
}

export function routingOf(d: Dossier): DossierRouting {
  return {
    status: d.status,
    proposedLevel: d.proposedLevel,
    path: pathOf(d),
    appraiserAgencyId: d.appraiserAgencyId,
    approverAgencyId: d.approverAgencyId,
    listingRequested: !!d.nationalListing?.requestNumber,
  };
}
