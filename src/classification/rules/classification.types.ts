/**
 * Inputs and outputs of the level decision (xác định cấp độ hệ thống thông tin).
 * Pure data: no Nest or TypeORM imports. The `const` arrays are the single source of allowed values for
 * validation, the questionnaire and the API schema.
 */

/** ND85 = Nghị định 85/2016/NĐ-CP (with Thông tư 12/2022); ND331 = Nghị định 331/2026/NĐ-CP. */
export const REGIMES = ['ND85', 'ND331'] as const;
export type Regime = (typeof REGIMES)[number];

/** The five levels (ND85 Art. 7–11, ND331 Art. 11–15); same scale as the requirement catalogues. */
export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

/** ND85 Art. 11.5 / ND331 Art. 12.4–15.5: the Prime Minister designates a level from 2 up. */
export const PM_DESIGNATED_LEVELS = [2, 3, 4, 5] as const;
export type PmDesignatedLevel = (typeof PM_DESIGNATED_LEVELS)[number];

/** System types by function, ND85 Art. 6.2 a–đ = ND331 Art. 9.2 a–đ. */
export const SYSTEM_TYPES = ['INTERNAL', 'CITIZEN_BUSINESS', 'INFRASTRUCTURE', 'INDUSTRIAL_CONTROL', 'OTHER'] as const;
export type SystemType = (typeof SYSTEM_TYPES)[number];

/** Information types by confidentiality, ND85 Art. 6.1 = ND331 Art. 9.1. */
export const INFO_TYPES = ['PUBLIC', 'PRIVATE', 'PERSONAL', 'STATE_SECRET'] as const;
export type InfoType = (typeof INFO_TYPES)[number];

/** Harm to national defence/security if sabotaged (ND85 Art. 9.1, 10.1, 11.1; ND331 Art. 13.1, 14.1, 15.1). */
export const NATIONAL_SECURITY_HARMS = ['NONE', 'HARM', 'SERIOUS', 'ESPECIALLY_SERIOUS'] as const;
export type NationalSecurityHarm = (typeof NATIONAL_SECURITY_HARMS)[number];

/** ND85 Art. 8.2.a / 9.2.a: online public service "mức độ 2 trở xuống" / "mức độ 3 trở lên". */
export const PUBLIC_SERVICE_LEVELS = ['NONE', 'LE2', 'GE3'] as const;
export type PublicServiceLevel = (typeof PUBLIC_SERVICE_LEVELS)[number];

/** Who an information-infrastructure system serves (ND85 Art. 8.3, 9.3, 10.3, 11.3; ND331 Art. 12.3–15.3). */
export const INFRASTRUCTURE_SCOPES = ['SINGLE_ORG', 'SHARED_REGIONAL', 'NATIONWIDE', 'INTERNATIONAL_LINK'] as const;
export type InfrastructureScope = (typeof INFRASTRUCTURE_SCOPES)[number];

/** Grade of the construction works an industrial control system runs (construction law); NONE = not a works. */
export const WORKS_GRADES = ['NONE', 'IV', 'III', 'II', 'I', 'SPECIAL', 'NATIONAL_SECURITY_WORKS'] as const;
export type WorksGrade = (typeof WORKS_GRADES)[number];

/**
 * ND331 Art. 16.1–16.2: criteria of a system important to national security that stand on their own.
 * Art. 16.3 is not a value here: it needs a field of Law 116/2025 Art. 9.2 AND a consequence of Art. 16.3 a–g, so it
 * is two facts (`nationalSecurityFields`, `nationalSecurityConsequences`) that validation only accepts together.
 */
export const NATIONAL_SECURITY_CRITERIA = ['SECURITY_WORKS_COMMAND', 'TELECOM_WORKS_COMMAND'] as const;
export type NationalSecurityCriterion = (typeof NATIONAL_SECURITY_CRITERIA)[number];

/** Law 116/2025/QH15 (Luật An ninh mạng) Art. 9.2 a–h: the fields a system important to national security belongs to. */
export const NATIONAL_SECURITY_FIELDS = [
  'MILITARY_SECURITY_DIPLOMACY_CRYPTO',
  'STATE_SECRETS',
  'SPECIAL_ARTEFACTS',
  'HAZARDOUS_MATERIALS',
  'SPECIAL_FACILITIES',
  'CENTRAL_BODIES',
  'NATIONAL_SECTOR',
  'SECURITY_WORKS_CONTROL',
] as const;
export type NationalSecurityField = (typeof NATIONAL_SECURITY_FIELDS)[number];

/** ND331 Art. 16.3 a–g: consequences of an incident or attack that make a system of those fields important. */
export const NATIONAL_SECURITY_CONSEQUENCES = [
  'SOVEREIGNTY_REGIME',
  'DEFENCE_FOREIGN_AFFAIRS',
  'NATIONAL_ECONOMY',
  'HUMAN_ENVIRONMENTAL_DISASTER',
  'SPECIAL_GRADE_WORKS',
  'SECRET_POLICY_MAKING',
  'CENTRAL_LEADERSHIP',
] as const;
export type NationalSecurityConsequence = (typeof NATIONAL_SECURITY_CONSEQUENCES)[number];

/** The facts about one system (or one component subsystem) that the criteria look at. */
export interface ClassificationFacts {
  systemType: SystemType;
  infoTypes: InfoType[];
  nationalSecurityHarm?: NationalSecurityHarm;
  /** Serves defence/security even without state secrets ("hệ thống phục vụ quốc phòng, an ninh", ND85 Art. 9.1). */
  defenceSecuritySystem?: boolean;
  /** ND85 only. */
  publicServiceLevel?: PublicServiceLevel;
  /** ND85 only: users whose private/personal information the system processes. */
  users?: number;
  /** ND331 only (Art. 13.2.b). */
  handlesAdminProcedures?: boolean;
  /** ND331 only (Art. 12.2.b, 13.2.c). */
  basicPersonalDataSubjects?: number;
  /** ND331 only (Art. 12.2.b, 13.2.c). */
  sensitivePersonalDataSubjects?: number;
  /** ND331 only: level suggested by the risk assessment; can only raise the level (Art. 10.5). */
  riskAssessedLevel?: SecurityLevel;
  /** ND85: conditional business service; ND331: conditional investment/business line. */
  conditionalBusiness?: boolean;
  infrastructureScope?: InfrastructureScope;
  nationalEgov24x7?: boolean;
  worksGrade?: WorksGrade;
  criticalNationalDataStorage?: boolean;
  pmDesignatedLevel?: PmDesignatedLevel;
  /** ND331 only: level under the Khung quản lý rủi ro an ninh mạng, not yet issued. */
  riskFrameworkLevel?: SecurityLevel;
  /** ND331 only (Art. 16.1–16.2); refused under Decree 85, whose procedure has no List criteria. */
  nationalSecurityCriteria?: NationalSecurityCriterion[];
  /** ND331 only (Art. 16.3, Law 116/2025 Art. 9.2). */
  nationalSecurityFields?: NationalSecurityField[];
  /** ND331 only (Art. 16.3 a–g); accepted only with at least one of `nationalSecurityFields`. */
  nationalSecurityConsequences?: NationalSecurityConsequence[];
  /** Component subsystems (hệ thống thành phần); the system takes the highest level (ND85 Art. 5.2, ND331 Art. 8.2). */
  components?: ClassificationFacts[];
}

export type FactField = keyof ClassificationFacts;

/** Every accepted field name, in questionnaire order; anything else in the input is rejected. */
export const FACT_FIELDS = [
  'systemType',
  'infoTypes',
  'defenceSecuritySystem',
  'nationalSecurityHarm',
  'publicServiceLevel',
  'handlesAdminProcedures',
  'conditionalBusiness',
  'users',
  'basicPersonalDataSubjects',
  'sensitivePersonalDataSubjects',
  'infrastructureScope',
  'worksGrade',
  'nationalEgov24x7',
  'criticalNationalDataStorage',
  'pmDesignatedLevel',
  'riskFrameworkLevel',
  'riskAssessedLevel',
  'nationalSecurityCriteria',
  'nationalSecurityFields',
  'nationalSecurityConsequences',
  'components',
] as const satisfies readonly FactField[];

/**
 * Fields that only mean something for some system types (the criteria sit under that type in the decree).
 * The evaluator ignores them, with a note, for other types; the questionnaire asks them only for those types.
 */
export const FIELD_SYSTEM_TYPES: Partial<Record<FactField, readonly SystemType[]>> = {
  publicServiceLevel: ['CITIZEN_BUSINESS'],
  users: ['CITIZEN_BUSINESS'],
  handlesAdminProcedures: ['CITIZEN_BUSINESS'],
  conditionalBusiness: ['CITIZEN_BUSINESS'],
  basicPersonalDataSubjects: ['CITIZEN_BUSINESS'],
  sensitivePersonalDataSubjects: ['CITIZEN_BUSINESS'],
  infrastructureScope: ['INFRASTRUCTURE'],
  worksGrade: ['INDUSTRIAL_CONTROL'],
};

/** One row of a rulebook: a criterion of the decree, or the ND331 Art. 10.5 escalation. */
export interface Rule {
  /** Decision-table row id ('R1'…'R22'), suffixed when one row maps to several articles ('R21a'). */
  readonly id: string;
  /** Vietnamese article reference, e.g. 'Điểm a Khoản 2 Điều 9 Nghị định 85/2016/NĐ-CP'. */
  readonly article: string;
  readonly level: SecurityLevel;
  /** Plain Vietnamese sentence: why this level. */
  readonly reason: string;
  /**
   * 'criterion' (default): a level criterion of the decree. 'escalation': may only raise the level
   * (ND331 Art. 10.5) and does not by itself settle the level of a system no criterion covers.
   */
  readonly kind?: 'criterion' | 'escalation';
  readonly applies: (facts: ClassificationFacts) => boolean;
}

/** A missing or uncovered fact that could push the level up to `couldReach`: the level is then only a floor. */
export interface RuleGap {
  readonly id: string;
  readonly article: string;
  readonly couldReach: SecurityLevel;
  readonly when: (facts: ClassificationFacts) => boolean;
  /** Vietnamese: what the user must declare or justify by hand. */
  readonly message: string;
}

/** An assumption shown to the user when its condition holds. */
export interface RulebookNote {
  readonly id: string;
  readonly when: (facts: ClassificationFacts) => boolean;
  readonly text: string;
  /** Only for the system itself, not repeated for each component. */
  readonly rootOnly?: boolean;
}

export interface Rulebook {
  readonly regime: Regime;
  readonly version: string;
  readonly title: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
  /** Short name of the decree for messages, e.g. 'Nghị định 85/2016/NĐ-CP'. */
  readonly decree: string;
  readonly rules: readonly Rule[];
  readonly gaps: readonly RuleGap[];
  readonly notes: readonly RulebookNote[];
  /** Fields of the other regime: accepted by validation, ignored here with a note. */
  readonly ignoredFields: readonly FactField[];
  /** Decision-table row R23: what to justify when no criterion matches a system. */
  readonly noMatchMessages: { readonly OTHER: string; readonly default: string };
}

export interface MatchedRule {
  id: string;
  article: string;
  level: SecurityLevel;
  reason: string;
  /** Where the rule matched, e.g. 'components[0]' or 'components[1].components[0]'; absent for the system itself. */
  componentPath?: string;
}

export interface ComponentEvaluation {
  componentPath: string;
  /** Highest known level of the component and its own components; null when nothing matched. */
  level: SecurityLevel | null;
  undetermined: boolean;
  /** Rules matched in this component and everything below it. */
  matchedRules: MatchedRule[];
  manualJustification?: string[];
  componentResults?: ComponentEvaluation[];
}

export interface EvaluationResult {
  regime: Regime;
  rulebookVersion: string;
  /**
   * Highest level over the system and all its components. When `undetermined` is true this is only a floor
   * (the level cannot be lower), or null when no rule matched anywhere.
   */
  level: SecurityLevel | null;
  undetermined: boolean;
  matchedRules: MatchedRule[];
  componentResults?: ComponentEvaluation[];
  /** Vietnamese: what must be declared or justified by hand before the level can be settled. */
  manualJustification?: string[];
  /** Vietnamese notes on assumptions made and inputs ignored. */
  assumptions: string[];
  /**
   * ND331 only: the system belongs on the List of systems important to national security — level 5 (Art. 16.4) or an
   * Art. 16.1–16.3 criterion met by the system or one of its components. Same as `nationalSecurityList.meets`.
   */
  onNationalSecurityList?: boolean;
  /** ND331 only: whether the system belongs on the List, and why (Vietnamese, each with its article). */
  nationalSecurityList?: NationalSecurityListResult;
}

export interface NationalSecurityListResult {
  /** Level 5 or an Art. 16 criterion: the dossier follows the level-5 procedure (Art. 20.4) and Art. 17 applies. */
  meets: boolean;
  /** The criteria met, Vietnamese, each with its article; empty when `meets` is false. */
  criteria: string[];
}

export function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
