import type { DocumentContents } from '../documents/document-data';
import { DESIGN_KIND_LABELS } from './dossier-plan';
import type { Dossier } from './dossier.entity';

/**
 * What the explanatory report prints of the dossier's structured contents (TT12 Art. 8.3–8.5; ND331 Art. 21.2,
 * 22.3–22.5). The level 4–5 parts only for a level 4–5 proposal, as the articles ask them only there.
 */
export function documentContents(d: Pick<Dossier, 'description' | 'designKind' | 'proposedLevel'>): DocumentContents {
  const c = d.description;
  return {
    logicalModel: c.logicalModel ?? null,
    physicalModel: c.physicalModel ?? null,
    // The main network devices (TT12 Art. 3.2) are named as such in the list.
    equipment: (c.equipment ?? []).map((e) => ({ ...e, name: e.mainNetworkDevice ? `${e.name} (thiết bị mạng chính)` : e.name })),
    applications: c.applications ?? [],
    networkZones: c.networkZones ?? [],
    designKindLabel: DESIGN_KIND_LABELS[d.designKind] ?? DESIGN_KIND_LABELS.PRELIMINARY,
    designDocument: c.designDocument ?? null,
    preliminaryRisks: c.preliminaryRisks ?? null,
    levelFourFive:
      d.proposedLevel >= 4
        ? {
            relatedSystems: c.relatedSystems ?? null,
            threats: c.threats ?? null,
            publicImpact: c.publicImpact ?? null,
            continuousOperation: c.continuousOperation ?? null,
          }
        : undefined,
  };
}
