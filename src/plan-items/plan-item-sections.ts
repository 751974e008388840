import { PLAN_SECTIONS, PlanSectionKey } from '../dossiers/dossier-plan';
import { findCatalogue } from '../requirements/catalogues/catalogue-registry';
import type { Requirement } from '../requirements/catalogues/requirement.types';

/**
 * The plan section (ND85 Art. 19.2 = ND331 Art. 29.2, points a–g) a requirement of the catalogue is filed under. The
 * catalogue (TT12 Art. 9.3–9.4) groups requirements by management and technical area, not by these sections, so the
 * filing is capdo's (docs/legal/plan-items.md): design rows and design management → a; the risk plan → d; the
 * decommissioning plan → g; operation rows about monitoring → đ, about weaknesses → c, about incidents and backups → e;
 * every other operation, policy, staffing and configuration row → b.
 */
export function sectionOf(requirement: Pick<Requirement, 'group' | 'part' | 'title'> | undefined): PlanSectionKey {
  if (!requirement) return 'b';
  if (requirement.group === 'DESIGN_BUILD' || requirement.part === 'DESIGN_ZONES' || requirement.part === 'DESIGN_SOLUTIONS') return 'a';
  if (requirement.group === 'RISK_PLAN') return 'd';
  if (requirement.group === 'DECOMMISSION_PLAN') return 'g';
  const title = requirement.title.toLocaleLowerCase('vi');
  if (title.includes('giám sát')) return 'dd';
  if (title.includes('điểm yếu')) return 'c';
  if (title.includes('sự cố') || title.includes('sao lưu') || title.includes('dự phòng')) return 'e';
  return 'b';
}

export function sectionTitle(key: string): string {
  return PLAN_SECTIONS.find((s) => s.key === key)?.title ?? key;
}

/** The section letter as printed: "đ" for the key "dd". */
export function sectionLetter(key: string): string {
  return key === 'dd' ? 'đ' : key;
}

/** A requirement of a catalogue by its code, whatever its level (codes carry the level: 'TT12.L3.QL.1.5.4'). */
export function requirementByCode(catalogueId: string, code: string): Requirement | undefined {
  const catalogue = findCatalogue(catalogueId);
  if (!catalogue) return undefined;
  for (const level of catalogue.levels) {
    const found = catalogue.requirements[level].find((r) => r.code === code);
    if (found) return found;
  }
  return undefined;
}
