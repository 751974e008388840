import { AgencyKind } from '../../src/agencies/agency-kind';
import { foldDiacritics, toNfc } from '../../src/common/text/vietnamese';
import { contradictions } from '../../src/routing/competence';
import { readSonLaAgencies } from '../demo-seed';
import { DEPARTMENTS, personName, placeName, PROVINCES, provinceTitle, PUBLIC_UNITS } from './national-names';
import { NationalRandom } from './national-random';

/** The 2025 structure (34 provinces, two-tier local government) took effect on 01/7/2025 (Resolution 202/2025/QH15). */
export const STRUCTURE_FROM = '2025-07-01';
/** District-level bodies ended the day before (Resolution 1681/NQ-UBTVQH15 and the like). */
export const DISTRICTS_ENDED = '2025-06-30';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
  provinceCode: string;
  status: 'ACTIVE' | 'MERGED';
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
}

export interface ProvinceBodies {
  code: string;
  title: string;
  committee: AgencyRow;
  police: AgencyRow;
  party: AgencyRow;
  /** Every body of the province that exists today (committee, police, party office included). */
  current: AgencyRow[];
  /** Former district People's Committees, merged into a commune or ward on 01/7/2025. */
  former: AgencyRow[];
}

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  role: 'ADMIN' | 'LEADER' | 'APPRAISER' | 'AGENCY_OFFICER';
  agencyId: string | null;
  email: string | null;
}

export interface RoutingRuleRow {
  id: string;
  name: string;
  ownerAgencyId: string;
  minLevel: number;
  maxLevel: number;
  appraiserAgencyId: string | null;
  appraiserExternalName: string | null;
  approverKind: 'AGENCY' | 'OWNER';
  approverAgencyId: string | null;
  /** Who gives the Mẫu 03 professional opinion (levels 4–5, ND331 Art. 20.1.d). */
  specialisedUnitAgencyId: string | null;
  /** The owner's decision designating another body to approve; never needed here (the owner approves from level 3). */
  approverDesignation: string | null;
}

export const MINISTRY_APPRAISER = 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - A05)';
const FORMER_DISTRICTS_PER_PROVINCE = 3;

/**
 * The bodies of the 34 provinces, `total` in all: Sơn La from the demo's real list (seeds/sonla-agencies.csv),
 * the others generated in proportion to their number of communes: the People's Committee, the provincial police,
 * the Party office, the departments, public units, communes and wards, plus three former district committees each.
 */
export function buildAgencies(random: NationalRandom, total: number): ProvinceBodies[] {
  const sonLa = readSonLaAgencies();
  const others = PROVINCES.filter((p) => p.code !== 'SL');
  const fixedPerProvince = 3 + DEPARTMENTS.length + FORMER_DISTRICTS_PER_PROVINCE;
  const budget = Math.max(0, total - sonLa.length - FORMER_DISTRICTS_PER_PROVINCE);
  const weightSum = others.reduce((sum, p) => sum + p.weight, 0);
  // Bodies beyond the fixed ones: public units then communes and wards, shared by weight; the last takes the rest.
  let remaining = budget - others.length * fixedPerProvince;
  const extras = others.map((p, i) => {
    const share = i === others.length - 1 ? remaining : Math.round(((budget - others.length * fixedPerProvince) * p.weight) / weightSum);
    remaining -= share;
    return Math.max(0, share);
  });

  const provinces: ProvinceBodies[] = [];
  for (const province of PROVINCES) {
    const title = provinceTitle(province);
    const bodies: AgencyRow[] = [];
    const add = (code: string, name: string, kind: AgencyKind, parentId: string | null): AgencyRow => {
      const row: AgencyRow = {
        id: random.uuid(),
        code,
        name: toNfc(name),
        kind,
        parentId,
        provinceCode: province.code,
        status: 'ACTIVE',
        validFrom: STRUCTURE_FROM,
        validTo: null,
        successorId: null,
      };
      bodies.push(row);
      return row;
    };
    if (province.code === 'SL') {
      const byCode = new Map<string, AgencyRow>();
      for (const row of sonLa) byCode.set(row.code, add(row.code, row.name, row.kind, null));
      for (const row of sonLa) if (row.parent_code) byCode.get(row.code)!.parentId = byCode.get(row.parent_code)!.id;
    } else {
      const p = province.code;
      const committee = add(`${p}-UBND`, `UBND ${title}`, 'province_committee', null);
      add(`${p}-CA`, `Công an ${title}`, 'police', null);
      add(`${p}-VP-TU`, `Văn phòng ${province.city ? 'Thành ủy' : 'Tỉnh ủy'} ${province.name}`, 'party_body', null);
      const departments = new Map<string, AgencyRow>();
      for (const d of DEPARTMENTS) {
        const name = d.code === 'VP-UBND' ? `Văn phòng UBND ${title}` : d.code === 'TTR' ? `Thanh tra ${title}` : `${d.name} ${title}`;
        departments.set(d.code, add(`${p}-${d.code}`, name, 'department', committee.id));
      }
      const extra = extras[others.indexOf(province)];
      const units = Math.min(PUBLIC_UNITS.length, Math.max(4, Math.round(extra * 0.07)));
      for (const u of PUBLIC_UNITS.slice(0, units)) {
        const parent = u.parent ? departments.get(u.parent)! : committee;
        add(`${p}-${u.code}`, `${u.name} ${title}`, 'public_unit', parent.id);
      }
      const used = new Set<string>();
      const codes = new Set<string>();
      for (let i = 0; i < extra - units; i++) {
        let place = placeName((items) => random.pick(items));
        while (used.has(place)) place = `${placeName((items) => random.pick(items))}`;
        used.add(place);
        const ward = random.chance(province.city ? 0.55 : 0.15);
        const slug = foldDiacritics(place)
          .replace(/[^a-z0-9]+/g, '')
          .toUpperCase()
          .slice(0, 24);
        let code = `${p}-${ward ? 'P' : 'X'}-${slug}`;
        // "Đông Hà" and "Đồng Hà" fold to the same code.
        for (let n = 2; codes.has(code); n++) code = `${p}-${ward ? 'P' : 'X'}-${slug}${n}`;
        codes.add(code);
        add(code, `UBND ${ward ? 'phường' : 'xã'} ${place}`, ward ? 'ward' : 'commune', committee.id);
      }
    }
    const committee = bodies.find((b) => b.kind === 'province_committee')!;
    const police = bodies.find((b) => b.kind === 'police')!;
    const party = bodies.find((b) => b.kind === 'party_body')!;
    const communes = bodies.filter((b) => b.kind === 'ward' || b.kind === 'commune');
    const former: AgencyRow[] = [];
    for (let i = 0; i < FORMER_DISTRICTS_PER_PROVINCE; i++) {
      const successor = communes[(i * 7) % communes.length];
      const place = successor.name.replace(/^UBND (xã|phường) /, '');
      former.push({
        id: random.uuid(),
        code: `${province.code}-H-${i + 1}`,
        name: `UBND huyện ${place}`,
        kind: 'other',
        parentId: committee.id,
        provinceCode: province.code,
        status: 'MERGED',
        validFrom: '2008-08-01',
        validTo: DISTRICTS_ENDED,
        successorId: successor.id,
      });
    }
    provinces.push({ code: province.code, title, committee, police, party, current: bodies, former });
  }
  return provinces;
}

/** Search text exactly as the application stores it (folded, lower case). */
export function agencySearchText(a: AgencyRow): string {
  return foldDiacritics(a.name);
}

/**
 * Sơn La's routing since 2025 (seeds/demo-seed.ts DEMO_ROUTING), applied in every province as the law's table has it
 * (src/routing/competence.ts): the provincial police is the owners' specialised unit. Levels 1–2: it appraises and
 * approves (ND331 Art. 18.1, 20.3.a); level 3: it appraises and the owner approves on the Tờ trình (Art. 18.2,
 * 20.3.b); levels 4–5: Bộ Công an (A05) appraises, the police gives the Mẫu 03 opinion and the owner approves
 * (Art. 18.3, 20.1.d). `ids` draws the level-3 rules' ids, so that the main generator's sequence, and with it every
 * other row of the dataset, stays what it was before the level-3 rule was split off.
 */
export function buildRoutingRules(random: NationalRandom, provinces: ProvinceBodies[], ids: NationalRandom): RoutingRuleRow[] {
  const rules: RoutingRuleRow[] = [];
  for (const p of provinces) {
    for (const root of [p.committee, p.police, p.party]) {
      const rule = (id: string, fields: Omit<RoutingRuleRow, 'id' | 'ownerAgencyId' | 'approverDesignation'>): RoutingRuleRow => ({
        id,
        ownerAgencyId: root.id,
        approverDesignation: null,
        ...fields,
      });
      const unit = rule(random.uuid(), {
        name: `Cấp độ 1–2: ${p.police.name} thẩm định và phê duyệt`,
        minLevel: 1,
        maxLevel: 2,
        appraiserAgencyId: p.police.id,
        appraiserExternalName: null,
        approverKind: 'AGENCY',
        approverAgencyId: p.police.id,
        specialisedUnitAgencyId: null,
      });
      const ministry = rule(random.uuid(), {
        name: `Cấp độ 4–5: Bộ Công an (A05) thẩm định, ${p.police.name} cho ý kiến chuyên môn, cơ quan chủ quản phê duyệt`,
        minLevel: 4,
        maxLevel: 5,
        appraiserAgencyId: null,
        appraiserExternalName: MINISTRY_APPRAISER,
        approverKind: 'OWNER',
        approverAgencyId: null,
        specialisedUnitAgencyId: p.police.id,
      });
      const owner = rule(ids.uuid(), {
        name: `Cấp độ 3: ${p.police.name} thẩm định, cơ quan chủ quản phê duyệt`,
        minLevel: 3,
        maxLevel: 3,
        appraiserAgencyId: p.police.id,
        appraiserExternalName: null,
        approverKind: 'OWNER',
        approverAgencyId: null,
        specialisedUnitAgencyId: null,
      });
      for (const r of [unit, owner, ministry]) {
        // The benchmark must not load a routing the law forbids: the same check the routing API makes.
        const wrong = contradictions({ ...r, regime: null });
        if (Object.keys(wrong).length) throw new Error(`National routing rule "${r.name}" contradicts the law: ${JSON.stringify(wrong)}`);
        rules.push(r);
      }
    }
  }
  return rules;
}

export interface Accounts {
  admin: UserRow;
  users: UserRow[];
  /** Appraisers of each province's police, by province code. */
  appraisers: Map<string, UserRow[]>;
  /** The officer of a body, for the bodies that have one. */
  officers: Map<string, UserRow>;
  leaders: Map<string, UserRow>;
}

/**
 * admin; one leader per province (`lanhdao.<province>`); three appraisers at each provincial police
 * (`thamdinh.<province>.<n>`); an officer (`canbo.<agency code>`) for every body that prepares dossiers.
 */
export function buildAccounts(random: NationalRandom, provinces: ProvinceBodies[], preparers: Set<string>): Accounts {
  const pick = <T>(items: readonly T[]) => random.pick(items);
  const admin: UserRow = {
    id: random.uuid(),
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    role: 'ADMIN',
    agencyId: null,
    email: null,
  };
  const users: UserRow[] = [admin];
  const appraisers = new Map<string, UserRow[]>();
  const officers = new Map<string, UserRow>();
  const leaders = new Map<string, UserRow>();
  for (const p of provinces) {
    const province = p.code.toLowerCase();
    const leader: UserRow = {
      id: random.uuid(),
      username: `lanhdao.${province}`,
      fullName: personName(pick),
      role: 'LEADER',
      agencyId: p.committee.id,
      email: `lanhdao@${province}.gov.vn`,
    };
    users.push(leader);
    leaders.set(p.code, leader);
    const team: UserRow[] = [];
    for (let n = 1; n <= 3; n++) {
      team.push({
        id: random.uuid(),
        username: `thamdinh.${province}.${n}`,
        fullName: personName(pick),
        role: 'APPRAISER',
        agencyId: p.police.id,
        email: `thamdinh${n}@ca.${province}.gov.vn`,
      });
    }
    users.push(...team);
    appraisers.set(p.code, team);
    for (const agency of p.current) {
      if (!preparers.has(agency.id) && agency.kind !== 'department') continue;
      const officer: UserRow = {
        id: random.uuid(),
        username: `canbo.${agency.code.toLowerCase()}`,
        fullName: personName(pick),
        role: 'AGENCY_OFFICER',
        agencyId: agency.id,
        email: null,
      };
      users.push(officer);
      officers.set(agency.id, officer);
    }
  }
  return { admin, users, appraisers, officers, leaders };
}
