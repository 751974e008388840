import type { FieldErrors } from '../common/errors/domain-error';
import type { DossierDto, PlanItemDto } from '../dossiers/dto/dossier.dto';
import { listRequirements } from '../requirements/catalogues/catalogue-registry';
import { displayTitles, KIND_HEADINGS, PART_LABELS } from '../requirements/catalogues/requirement-display';
import type { RequirementGroup, RequirementKind } from '../requirements/catalogues/requirement.types';
import { TT12_GROUP_NAMES, TT12_GROUP_ORDER } from '../requirements/catalogues/tt12-2022.builder';
import { guidanceFor, RequirementGuidance } from '../requirements/catalogues/tt12-2022.guidance';
import { PLAN_ENTRY_STATUS_LABELS } from '../dossiers/dossier-plan';
import { RISK_GUIDE_DOCX_PATH, RISK_GUIDE_SECTIONS } from '../requirements/risk-assessment-guide';

export interface PlanRowView {
  item: PlanItemDto;
  /** Row id: the completeness list links to it (missingAnchor). */
  rid: string;
  title: string;
  partLabel: string | null;
  guidance: RequirementGuidance | undefined;
}

export interface PlanSectionView {
  group: string;
  name: string;
  rows: PlanRowView[];
  answered: number;
  total: number;
  /** Open until every requirement is answered and nothing in it is refused or missing; a finished section shows its progress. */
  open: boolean;
}

export interface PlanKindView {
  kind: RequirementKind;
  label: string;
  basis: string;
  sections: PlanSectionView[];
}

/**
 * Phần 4's requirement table by the groups of Circular 12/2022 Art. 9.3–9.4 (seven management groups, four
 * technical ones), with each group's progress as the officer sees it now (typed values after a refused save).
 */
export function dossierPlanView(
  d: DossierDto,
  values: Record<string, string>,
  errors: FieldErrors,
  missingRefs: readonly (string | undefined)[] = [],
) {
  const requirements = listRequirements(d.proposedLevel, d.catalogueId);
  const byCode = new Map(requirements.map((r) => [r.code, r]));
  const titles = displayTitles(requirements);
  const answered = (code: string) => !!values[`plan.${code}.status`];
  const sections = new Map<string, PlanSectionView & { kind: RequirementKind }>();
  for (const item of d.plan) {
    const r = byCode.get(item.code);
    const group: RequirementGroup = r?.group ?? 'OPERATION';
    const section =
      sections.get(group) ??
      sections
        .set(group, {
          group,
          name: TT12_GROUP_NAMES[group],
          kind: r?.kind === 'TECHNICAL' ? 'TECHNICAL' : 'MANAGEMENT',
          rows: [],
          answered: 0,
          total: 0,
          open: false,
        })
        .get(group)!;
    section.rows.push({
      item,
      rid: 'yc-' + item.code.replace(/[^A-Za-z0-9_-]/g, '-'),
      title: titles.get(item.code) ?? item.title,
      partLabel: r?.part ? PART_LABELS[r.part] : null,
      guidance: r ? guidanceFor(r) : undefined,
    });
    section.total += 1;
    if (answered(item.code)) section.answered += 1;
  }
  const hasError = (s: PlanSectionView) =>
    Object.keys(errors).some((k) => k.startsWith(`nhom.${s.group}.`) || s.rows.some((row) => k.startsWith(`plan.${row.item.code}.`)));
  const ordered = TT12_GROUP_ORDER.flatMap((g) => (sections.has(g) ? [sections.get(g)!] : []));
  const missing = new Set(missingRefs);
  for (const s of ordered) s.open = s.answered < s.total || hasError(s) || s.rows.some((row) => missing.has(row.item.code));
  const kinds: PlanKindView[] = (['MANAGEMENT', 'TECHNICAL'] as const).map((kind) => ({
    kind,
    ...KIND_HEADINGS[kind],
    sections: ordered.filter((s) => s.kind === kind),
  }));
  return {
    kinds: kinds.filter((k) => k.sections.length),
    answered: ordered.reduce((n, s) => n + s.answered, 0),
    total: ordered.reduce((n, s) => n + s.total, 0),
    groupStatusOptions: [
      { value: '', label: '— Chọn cách trả lời —' },
      { value: 'IMPLEMENTED', label: PLAN_ENTRY_STATUS_LABELS.IMPLEMENTED },
      { value: 'PLANNED', label: 'Chưa triển khai, có kế hoạch (ghi thời hạn)' },
      { value: 'NOT_APPLICABLE', label: 'Không áp dụng (ghi lý do)' },
    ],
  };
}

export type DossierPlanView = ReturnType<typeof dossierPlanView>;

/** The risk assessment guide beside the preliminary risks field (ND331 Art. 22.4.c; 22.5 for levels 4–5). */
export function riskGuideView(proposedLevel: number) {
  return { sections: RISK_GUIDE_SECTIONS.filter((s) => !s.levels45 || proposedLevel >= 4), docxPath: RISK_GUIDE_DOCX_PATH };
}
