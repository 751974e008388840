/**
 * Who appraises and who approves a level-proposal dossier, by regime and level: the law's table, against which every
 * routing rule is checked (Decree 331/2026 Art. 18, 20.3; Decree 85/2016 Art. 12 as read in
 * docs/legal/competence-by-level.md). Pure: the routing service refuses a rule that contradicts it, the submission
 * refuses a stored rule that does, and the routing page prints it.
 */
import type { Regime } from '../classification/rules/classification.types';

/** The kind of body, not a named agency: each province names its own in its routing rules. */
export type AppraiserBody = 'SPECIALISED_UNIT' | 'MINISTRY';
export type ApproverBody = 'SPECIALISED_UNIT' | 'OWNER' | 'OWNER_PLAN_AND_PRIME_MINISTER_LIST';

export interface Competence {
  level: number;
  appraiser: AppraiserBody;
  approver: ApproverBody;
  /** The ministries that may appraise (levels 4–5), by the start of their names. */
  ministries: readonly string[];
  /** Vietnamese, as the routing page prints it. */
  appraiserLabel: string;
  approverLabel: string;
  article: string;
}

const ND331_MINISTRIES = ['Bộ Công an', 'Bộ Quốc phòng', 'Ban Cơ yếu Chính phủ'] as const;
// Decree 85 named the Ministry of Information and Communications; its function passed to the Ministry of Public Security
// on 01/03/2025 (docs/legal/competence-by-level.md), so either name is accepted for a Decree 85 dossier.
const ND85_MINISTRIES = ['Bộ Thông tin và Truyền thông', ...ND331_MINISTRIES] as const;

const UNIT = 'Đơn vị chuyên trách về an ninh mạng của chủ quản';
const UNIT_85 = 'Đơn vị chuyên trách về an toàn thông tin của chủ quản';

export const COMPETENCE: Readonly<Record<Regime, readonly Competence[]>> = {
  ND331: [
    ...[1, 2].map((level) => ({
      level,
      appraiser: 'SPECIALISED_UNIT' as const,
      approver: 'SPECIALISED_UNIT' as const,
      ministries: [],
      appraiserLabel: UNIT,
      approverLabel: `${UNIT} (báo cáo chủ quản)`,
      article: 'khoản 1 Điều 18, điểm a khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP',
    })),
    {
      level: 3,
      appraiser: 'SPECIALISED_UNIT',
      approver: 'OWNER',
      ministries: [],
      appraiserLabel: UNIT,
      approverLabel: 'Chủ quản hệ thống thông tin (theo Tờ trình của đơn vị vận hành)',
      article: 'khoản 2 Điều 18, điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP',
    },
    {
      level: 4,
      appraiser: 'MINISTRY',
      approver: 'OWNER',
      ministries: ND331_MINISTRIES,
      appraiserLabel: 'Bộ Công an (Bộ Quốc phòng với hệ thống quân sự, Ban Cơ yếu Chính phủ với hệ thống cơ yếu)',
      approverLabel: 'Chủ quản hệ thống thông tin (theo Tờ trình của đơn vị vận hành)',
      article: 'điểm a–d khoản 3 Điều 18, điểm d khoản 1 và điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP',
    },
    {
      level: 5,
      appraiser: 'MINISTRY',
      approver: 'OWNER_PLAN_AND_PRIME_MINISTER_LIST',
      ministries: ND331_MINISTRIES,
      appraiserLabel: 'Bộ Công an (Bộ Quốc phòng với hệ thống quân sự, Ban Cơ yếu Chính phủ với hệ thống cơ yếu)',
      approverLabel: 'Chủ quản phê duyệt phương án bảo đảm an ninh mạng; Thủ tướng Chính phủ phê duyệt Danh mục',
      article: 'điểm a–đ khoản 3 Điều 18, điểm c khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP',
    },
  ],
  ND85: [
    ...[1, 2].map((level) => ({
      level,
      appraiser: 'SPECIALISED_UNIT' as const,
      approver: 'SPECIALISED_UNIT' as const,
      ministries: [],
      appraiserLabel: UNIT_85,
      approverLabel: `${UNIT_85} (báo cáo chủ quản)`,
      article: 'khoản 1 Điều 12 Nghị định 85/2016/NĐ-CP',
    })),
    {
      level: 3,
      appraiser: 'SPECIALISED_UNIT',
      approver: 'OWNER',
      ministries: [],
      appraiserLabel: UNIT_85,
      approverLabel: 'Chủ quản hệ thống thông tin',
      article: 'điểm b khoản 2 Điều 12, điểm b khoản 3 Điều 14 Nghị định 85/2016/NĐ-CP',
    },
    {
      level: 4,
      appraiser: 'MINISTRY',
      approver: 'OWNER',
      ministries: ND85_MINISTRIES,
      appraiserLabel: 'Bộ Thông tin và Truyền thông (từ 01/3/2025: Bộ Công an); Bộ Quốc phòng, Ban Cơ yếu Chính phủ với hệ thống của mình',
      approverLabel: 'Chủ quản hệ thống thông tin',
      article: 'khoản 3 Điều 12 Nghị định 85/2016/NĐ-CP',
    },
    {
      level: 5,
      appraiser: 'MINISTRY',
      approver: 'OWNER_PLAN_AND_PRIME_MINISTER_LIST',
      ministries: ND85_MINISTRIES,
      appraiserLabel: 'Bộ Thông tin và Truyền thông (từ 01/3/2025: Bộ Công an); Bộ Quốc phòng, Ban Cơ yếu Chính phủ với hệ thống của mình',
      approverLabel: 'Chủ quản phê duyệt phương án; Thủ tướng Chính phủ phê duyệt Danh mục',
      article: 'điểm đ khoản 3 Điều 12 Nghị định 85/2016/NĐ-CP',
    },
  ],
};

export function competenceFor(regime: Regime, level: number): Competence {
  return COMPETENCE[regime].find((c) => c.level === level)!;
}

/** What the competence check reads of a routing rule. */
export interface RuleParties {
  minLevel: number;
  maxLevel: number;
  regime: Regime | null;
  appraiserAgencyId: string | null;
  appraiserExternalName: string | null;
  approverKind: 'AGENCY' | 'OWNER' | 'EXTERNAL';
  approverAgencyId: string | null;
  approverDesignation: string | null;
  specialisedUnitAgencyId: string | null;
}

/**
 * Where the rule contradicts the table, field by field, each message naming the article. A rule covers every level
 * in its range under each regime it names (both when none), and must fit each of them.
 */
export function contradictions(rule: RuleParties): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    if (!(errors[field] ??= []).includes(message)) errors[field].push(message);
  };
  const regimes: Regime[] = rule.regime ? [rule.regime] : ['ND85', 'ND331'];
  for (const regime of regimes) {
    for (let level = rule.minLevel; level <= rule.maxLevel; level++) {
      const c = competenceFor(regime, level);
      const at = `cấp độ ${level}: ${c.article}`;
      if (c.appraiser === 'SPECIALISED_UNIT') {
        if (!rule.appraiserAgencyId)
          add('appraiserAgencyId', `đơn vị chuyên trách của chủ quản thẩm định, không phải cơ quan bên ngoài (${at})`);
      } else if (!rule.appraiserExternalName || !c.ministries.some((m) => rule.appraiserExternalName!.startsWith(m))) {
        add('appraiserExternalName', `do ${c.ministries.join(', ')} thẩm định (${at})`);
      }
      if (c.approver === 'SPECIALISED_UNIT') {
        if (rule.approverKind !== 'AGENCY' || !rule.approverAgencyId || rule.approverAgencyId !== rule.appraiserAgencyId)
          add('approverKind', `chính đơn vị chuyên trách thẩm định phê duyệt (${at})`);
      } else if (rule.approverKind === 'EXTERNAL') {
        add('approverKind', `chủ quản hệ thống thông tin phê duyệt, không phải cơ quan bên ngoài (${at})`);
      } else if (rule.approverKind === 'AGENCY' && !rule.approverDesignation) {
        add(
          'approverDesignation',
          `chủ quản phê duyệt; cơ quan khác chỉ phê duyệt khi có văn bản chủ quản giao, ghi số văn bản đó (${at})`,
        );
      }
      if (c.appraiser === 'MINISTRY' && !rule.specialisedUnitAgencyId)
        add(
          'specialisedUnitAgencyId',
          `cần đơn vị chuyên trách của chủ quản cho ý kiến chuyên môn (Mẫu 03) (${at}; điểm d khoản 1 Điều 20)`,
        );
    }
  }
  return errors;
}
