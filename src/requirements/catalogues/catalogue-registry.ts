import type { GroupSummary, Requirement, RequirementCatalogue, RequirementPart, SecurityLevel } from './requirement.types';
import { groupHeadingClause, groupKind, TT12_GROUP_NAMES, TT12_GROUP_ORDER } from './tt12-2022.builder';
import { TT12_2022_CATALOGUE } from './tt12-2022.catalogue';

/** Regulatory regime a dossier is filed under (the rulebooks are keyed the same way). */
export type Regime = 'ND85' | 'ND331';

export type CatalogueId = RequirementCatalogue['id'];

/** Successor standards we know of but hold no requirement data for (LEGAL-BRIEF §5.3). */
export type PlannedCatalogueId = 'TCVN-14423-2025' | 'TCVN-14423-2026';

export type CatalogueEntry =
  | { readonly status: 'available'; readonly id: CatalogueId; readonly catalogue: RequirementCatalogue }
  | {
      readonly status: 'planned';
      readonly id: PlannedCatalogueId;
      readonly standard: string;
      readonly title: string;
      /** Why there is no data yet; shown to users who ask for this catalogue. */
      readonly note: string;
    };

export const DEFAULT_CATALOGUE_ID: CatalogueId = 'TT12-2022';

/**
 * Every requirement catalogue capdo knows, oldest first. A dossier records the catalogue id it was checked
 * against, so adding a version never rewrites past dossiers.
 *
 * To add a successor standard: transcribe it into its own `<id>.catalogue.ts`, widen `RequirementCatalogue['id']`,
 * and turn its `planned` entry below into an `available` one.
 */
export const CATALOGUES: readonly CatalogueEntry[] = Object.freeze([
  { status: 'available', id: 'TT12-2022', catalogue: TT12_2022_CATALOGUE },
  // TCVN 14423:2025 "An ninh mạng – Yêu cầu đối với hệ thống thông tin quan trọng", issued 29/05/2025 by the
  // Ministry of Science and Technology (luatvietnam.vn listing). QCVN 12:2026/BCA points levels 1–2 to its
  // clause 4 and levels 3–5 to clause 5. UNCONFIRMED: we have not seen the text (copyrighted), so no items.
  {
    status: 'planned',
    id: 'TCVN-14423-2025',
    standard: 'TCVN 14423:2025',
    title: 'An ninh mạng – Yêu cầu đối với hệ thống thông tin quan trọng',
    note: 'Chưa có dữ liệu: chưa đối chiếu được toàn văn tiêu chuẩn.',
  },
  // TCVN 14423:2026 "An ninh mạng – Hệ thống thông tin – Yêu cầu cơ bản". Only an unofficial toolkit says it was
  // published by QĐ 3243/QĐ-BKHCN (24/7/2026), replaces TCVN 14423:2025 and TCVN 11930:2017, and covers levels 1–5
  // in clauses 3–7 (18 groups). UNCONFIRMED: neither the standard nor the decision has been seen.
  // Decree 331 Arts. 28–30 cite the national standard by title only, so it is the likely successor for ND331.
  {
    status: 'planned',
    id: 'TCVN-14423-2026',
    standard: 'TCVN 14423:2026',
    title: 'An ninh mạng – Hệ thống thông tin – Yêu cầu cơ bản',
    note: 'Chưa có dữ liệu: chưa xác nhận được quyết định công bố và toàn văn tiêu chuẩn.',
  },
]);

/** Raised when a catalogue id is unknown or only planned; the HTTP layer maps the code to a 4xx problem. */
export class CatalogueNotAvailableError extends Error {
  readonly code = 'REQUIREMENT_CATALOGUE_NOT_AVAILABLE';

  constructor(readonly catalogueId: string) {
    const entry = CATALOGUES.find((c) => c.id === catalogueId);
    super(
      entry?.status === 'planned'
        ? `Danh mục yêu cầu ${catalogueId} chưa có dữ liệu. ${entry.note}`
        : `Không có danh mục yêu cầu ${catalogueId}.`,
    );
    this.name = 'CatalogueNotAvailableError';
  }
}

/** The catalogue with this id, or undefined if it is unknown or only planned. */
export function findCatalogue(id: string): RequirementCatalogue | undefined {
  for (const entry of CATALOGUES) {
    if (entry.status === 'available' && entry.id === id) return entry.catalogue;
  }
  return undefined;
}

/**
 * Catalogue a new dossier is checked against under each regime.
 * - ND85: Circular 12/2022 Art. 9.1 prescribes the Circular plus TCVN 11930:2017.
 * - ND331: Decree 331 Art. 39.2 says standards that speak of "an toàn thông tin mạng" / "an toàn hệ thống
 *   thông tin" are read as "an ninh mạng", so TT12-2022 keeps applying until a successor standard is confirmed
 *   (see the planned TCVN 14423 entries above).
 */
export function catalogueForRegime(regime: Regime): RequirementCatalogue {
  const ids: Readonly<Record<Regime, CatalogueId>> = { ND85: 'TT12-2022', ND331: 'TT12-2022' };
  return requireCatalogue(ids[regime]);
}

/** Requirements of one level in appendix order: management, network zones, design solutions, configuration. */
export function listRequirements(level: number, catalogueId: string = DEFAULT_CATALOGUE_ID): readonly Requirement[] {
  const catalogue = requireCatalogue(catalogueId);
  return catalogue.requirements[assertLevel(level, catalogue)];
}

/** Per-group counts for one level, in the order of Circular 12/2022 Art. 9.3–9.4. */
export function groupsFor(level: number, catalogueId: string = DEFAULT_CATALOGUE_ID): GroupSummary[] {
  const catalogue = requireCatalogue(catalogueId);
  const lvl = assertLevel(level, catalogue);
  const items = catalogue.requirements[lvl];
  const summaries: GroupSummary[] = [];
  for (const group of TT12_GROUP_ORDER) {
    const inGroup = items.filter((r) => r.group === group);
    if (inGroup.length === 0) continue;
    const kind = groupKind(group);
    const summary: GroupSummary = {
      group,
      groupName: TT12_GROUP_NAMES[group],
      kind,
      tcvnClause: groupHeadingClause(lvl, group),
      count: inGroup.length,
    };
    if (kind === 'TECHNICAL') {
      const countByPart: Partial<Record<RequirementPart, number>> = {};
      for (const r of inGroup) {
        if (r.part !== undefined) countByPart[r.part] = (countByPart[r.part] ?? 0) + 1;
      }
      summaries.push({ ...summary, countByPart });
    } else {
      summaries.push(summary);
    }
  }
  return summaries;
}

function requireCatalogue(id: string): RequirementCatalogue {
  const catalogue = findCatalogue(id);
  if (catalogue === undefined) throw new CatalogueNotAvailableError(id);
  return catalogue;
}

function assertLevel(level: number, catalogue: RequirementCatalogue): SecurityLevel {
  if (!Number.isInteger(level) || !(catalogue.levels as readonly number[]).includes(level)) {
    throw new RangeError(`Cấp độ phải là số nguyên từ 1 đến 5 (nhận được: ${String(level)}).`);
  }
  return level as SecurityLevel;
}
