import type {
  AppendixName,
  ManagementGroup,
  Requirement,
  RequirementGroup,
  RequirementKind,
  SecurityLevel,
  TechnicalGroup,
} from './requirement.types';

/**
 * Turns the rows of one Circular 12/2022 appendix, typed the way the Gazette prints them, into Requirement
 * records. Kept apart from the per-level data so each level file reads like its appendix.
 */

/** Group headings as printed in the appendix tables (and Art. 9.3–9.4), in the Circular's order. */
export const TT12_GROUP_NAMES: Readonly<Record<RequirementGroup, string>> = {
  POLICY: 'Thiết lập chính sách an toàn thông tin',
  ORGANISATION: 'Tổ chức bảo đảm an toàn thông tin',
  HUMAN_RESOURCES: 'Bảo đảm nguồn nhân lực',
  DESIGN_BUILD: 'Quản lý thiết kế, xây dựng hệ thống',
  OPERATION: 'Quản lý vận hành hệ thống',
  RISK_PLAN: 'Phương án Quản lý rủi ro an toàn thông tin',
  DECOMMISSION_PLAN: 'Phương án Kết thúc vận hành, khai thác, thanh lý, hủy bỏ hệ thống thông tin',
  NETWORK: 'Bảo đảm an toàn mạng',
  SERVER: 'Bảo đảm an toàn máy chủ',
  APPLICATION: 'Bảo đảm an toàn ứng dụng',
  DATA: 'Bảo đảm an toàn dữ liệu',
};

export const TT12_GROUP_ORDER: readonly RequirementGroup[] = [
  'POLICY',
  'ORGANISATION',
  'HUMAN_RESOURCES',
  'DESIGN_BUILD',
  'OPERATION',
  'RISK_PLAN',
  'DECOMMISSION_PLAN',
  'NETWORK',
  'SERVER',
  'APPLICATION',
  'DATA',
];

/** Part I table: STT 1.1 … 1.7. */
const MANAGEMENT_GROUP_BY_STT: Readonly<Record<string, ManagementGroup>> = {
  '1.1': 'POLICY',
  '1.2': 'ORGANISATION',
  '1.3': 'HUMAN_RESOURCES',
  '1.4': 'DESIGN_BUILD',
  '1.5': 'OPERATION',
  '1.6': 'RISK_PLAN',
  '1.7': 'DECOMMISSION_PLAN',
};

/** Part II.2 table: STT 1.1 … 1.4. */
const TECHNICAL_GROUP_BY_STT: Readonly<Record<string, TechnicalGroup>> = {
  '1.1': 'NETWORK',
  '1.2': 'SERVER',
  '1.3': 'APPLICATION',
  '1.4': 'DATA',
};

const APPENDIX_BY_LEVEL: Readonly<Record<SecurityLevel, AppendixName>> = {
  1: 'Phụ lục I',
  2: 'Phụ lục II',
  3: 'Phụ lục III',
  4: 'Phụ lục IV',
  5: 'Phụ lục V',
};

/** Circular 12/2022 Art. 10: level n is governed by Appendix n and TCVN 11930:2017 clause n + 4. */
export function tcvnClauseRoot(level: SecurityLevel): number {
  return level + 4;
}

/** Clause printed on the group heading row of the appendix ('7.1.5', '7.2.3'); the plan items have none. */
export function groupHeadingClause(level: SecurityLevel, group: RequirementGroup): string | null {
  const root = tcvnClauseRoot(level);
  const management: Partial<Record<RequirementGroup, number>> = {
    POLICY: 1,
    ORGANISATION: 2,
    HUMAN_RESOURCES: 3,
    DESIGN_BUILD: 4,
    OPERATION: 5,
  };
  const technical: Partial<Record<RequirementGroup, number>> = { NETWORK: 1, SERVER: 2, APPLICATION: 3, DATA: 4 };
  const m = management[group];
  if (m !== undefined) return `${root}.1.${m}`;
  const t = technical[group];
  if (t !== undefined) return `${root}.2.${t}`;
  return null;
}

const TECHNICAL_GROUPS: ReadonlySet<RequirementGroup> = new Set(Object.values(TECHNICAL_GROUP_BY_STT));

export function groupKind(group: RequirementGroup): RequirementKind {
  return TECHNICAL_GROUPS.has(group) ? 'TECHNICAL' : 'MANAGEMENT';
}

/** [STT, wording, TCVN 11930:2017 clause or null] exactly as the appendix table prints them. */
export type TableRow = readonly [stt: string, title: string, tcvnClause: string | null];
/** A design solution (II.1.b) and the technical group capdo files it under. */
export type SolutionRow = readonly [group: TechnicalGroup, title: string];

export interface Tt12AppendixRows {
  readonly level: SecurityLevel;
  /** Part I, "YÊU CẦU QUẢN LÝ" (item rows only; the group heading rows are implied by the STT). */
  readonly management: readonly TableRow[];
  /** Part II.1.a, minimum network zones, in order i, ii, iii … */
  readonly zones: readonly string[];
  /** Part II.1.b, design solution plans, in order i, ii, iii … */
  readonly solutions: readonly SolutionRow[];
  /** Part II.2, "Yêu cầu về thiết lập, cấu hình hệ thống" (item rows only). */
  readonly configuration: readonly TableRow[];
}

const ROMAN: readonly [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Lower-case Roman numerals as the appendices number their sub-items (i … xix). */
export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

function sttGroupPrefix(stt: string): string {
  return stt.split('.').slice(0, 2).join('.');
}

export function buildTt12Appendix(rows: Tt12AppendixRows): readonly Requirement[] {
  const { level } = rows;
  const appendix = APPENDIX_BY_LEVEL[level];
  const prefix = `TT12.L${level}`;
  const out: Requirement[] = [];

  for (const [stt, title, tcvnClause] of rows.management) {
    const group = MANAGEMENT_GROUP_BY_STT[sttGroupPrefix(stt)];
    if (group === undefined) throw new Error(`Phụ lục cấp độ ${level}: STT quản lý không hợp lệ ${stt}`);
    out.push({
      code: `${prefix}.QL.${stt}`,
      level,
      kind: 'MANAGEMENT',
      group,
      groupName: TT12_GROUP_NAMES[group],
      title: title.normalize('NFC'),
      tcvnClause,
      appendix,
      ref: `I.${stt}`,
    });
  }

  rows.zones.forEach((title, i) => {
    const roman = toRoman(i + 1);
    out.push({
      code: `${prefix}.TK.a.${roman}`,
      level,
      kind: 'TECHNICAL',
      group: 'NETWORK',
      groupName: TT12_GROUP_NAMES.NETWORK,
      part: 'DESIGN_ZONES',
      title: title.normalize('NFC'),
      tcvnClause: null,
      appendix,
      ref: `II.1.a.${roman}`,
    });
  });

  rows.solutions.forEach(([group, title], i) => {
    const roman = toRoman(i + 1);
    out.push({
      code: `${prefix}.TK.b.${roman}`,
      level,
      kind: 'TECHNICAL',
      group,
      groupName: TT12_GROUP_NAMES[group],
      part: 'DESIGN_SOLUTIONS',
      title: title.normalize('NFC'),
      tcvnClause: null,
      appendix,
      ref: `II.1.b.${roman}`,
    });
  });

  for (const [stt, title, tcvnClause] of rows.configuration) {
    const group = TECHNICAL_GROUP_BY_STT[sttGroupPrefix(stt)];
    if (group === undefined) throw new Error(`Phụ lục cấp độ ${level}: STT cấu hình không hợp lệ ${stt}`);
    out.push({
      code: `${prefix}.CH.${stt}`,
      level,
      kind: 'TECHNICAL',
      group,
      groupName: TT12_GROUP_NAMES[group],
      part: 'CONFIGURATION',
      title: title.normalize('NFC'),
      tcvnClause,
      appendix,
      ref: `II.2.${stt}`,
    });
  }

  return Object.freeze(out.map((r) => Object.freeze(r)));
}
