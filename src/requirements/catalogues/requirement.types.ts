/**
 * Shapes of a baseline-requirement catalogue (danh mục yêu cầu cơ bản theo cấp độ).
 * Pure data: no Nest or TypeORM imports, so the catalogues can be read by services, seeds and PDF rendering alike.
 */

/** The five security levels of Decree 85/2016 Art. 7–11 (same scale in Decree 331/2026). */
export type SecurityLevel = 1 | 2 | 3 | 4 | 5;

export const SECURITY_LEVELS: readonly SecurityLevel[] = Object.freeze([1, 2, 3, 4, 5]);

/** Circular 12/2022 Art. 9.2: basic requirements are management requirements and technical requirements. */
export type RequirementKind = 'MANAGEMENT' | 'TECHNICAL';

/** Management groups, Circular 12/2022 Art. 9.3 a–g, in the Circular's order. */
export type ManagementGroup =
  'POLICY' | 'ORGANISATION' | 'HUMAN_RESOURCES' | 'DESIGN_BUILD' | 'OPERATION' | 'RISK_PLAN' | 'DECOMMISSION_PLAN';

/** Technical groups, Circular 12/2022 Art. 9.4 a–d, in the Circular's order. */
export type TechnicalGroup = 'NETWORK' | 'SERVER' | 'APPLICATION' | 'DATA';

export type RequirementGroup = ManagementGroup | TechnicalGroup;

/**
 * The two sub-parts of "II. YÊU CẦU KỸ THUẬT" in every appendix:
 * - DESIGN_ZONES: II.1.a, the minimum network zones ("Thiết kế các vùng mạng … tối thiểu bao gồm");
 * - DESIGN_SOLUTIONS: II.1.b, the design solution plans ("Có phương án thiết kế bảo đảm các yêu cầu sau");
 * - CONFIGURATION: II.2, "Yêu cầu về thiết lập, cấu hình hệ thống", each row mapped to a TCVN 11930:2017 clause.
 */
export type RequirementPart = 'DESIGN_ZONES' | 'DESIGN_SOLUTIONS' | 'CONFIGURATION';

export type AppendixName = 'Phụ lục I' | 'Phụ lục II' | 'Phụ lục III' | 'Phụ lục IV' | 'Phụ lục V';

export interface Requirement {
  /** Stable, unique within catalogue + level; built from the appendix numbering, e.g. 'TT12.L3.QL.1.5.4'. */
  readonly code: string;
  readonly level: SecurityLevel;
  readonly kind: RequirementKind;
  /**
   * Management and configuration rows take their group from the appendix table (STT 1.1–1.7, 1.1–1.4).
   * The design part (II.1) has no group in the Circular: network zones are filed under NETWORK and each
   * design solution under the technical group it mainly concerns. That filing is capdo's, not the Circular's.
   */
  readonly group: RequirementGroup;
  readonly groupName: string;
  /** Only for technical items. */
  readonly part?: RequirementPart;
  /** Wording of the item in the appendix, NFC, without the trailing ';' or '.'. */
  readonly title: string;
  /**
   * TCVN 11930:2017 clause the appendix maps the item to ('7.1.5.4'): first number 5..9 = level 1..5,
   * then 1 = management, 2 = technical. Null where the appendix itself gives no clause: the two plan items
   * (STT 1.6, 1.7) and the whole design part II.1.
   */
  readonly tcvnClause: string | null;
  readonly appendix: AppendixName;
  /** Position inside the appendix, in its own numbering: 'I.1.5.4', 'II.1.a.iii', 'II.2.1.3.5'. */
  readonly ref: string;
}

export interface RequirementCatalogue {
  readonly id: 'TT12-2022';
  /** Revision of this transcription; bump when a transcription error is corrected (the legal text is fixed). */
  readonly version: string;
  readonly title: string;
  readonly standard: 'TCVN 11930:2017';
  readonly legalBasis: string;
  /** Where the wording was transcribed from. */
  readonly source: string;
  /** ISO date. */
  readonly effectiveFrom: '2022-10-01';
  readonly levels: readonly SecurityLevel[];
  /** Each appendix is a complete stand-alone list for its level, in appendix order. */
  readonly requirements: Readonly<Record<SecurityLevel, readonly Requirement[]>>;
}

export interface GroupSummary {
  readonly group: RequirementGroup;
  readonly groupName: string;
  readonly kind: RequirementKind;
  /** Clause of the group heading in the appendix ('7.2.1'); null for the plan items, which have none. */
  readonly tcvnClause: string | null;
  readonly count: number;
  /** Technical groups only: how the group's items split over design zones, design solutions and configuration. */
  readonly countByPart?: Readonly<Partial<Record<RequirementPart, number>>>;
}
