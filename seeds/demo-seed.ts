import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind } from '../src/agencies/agency-kind';
import { hashPassword } from '../src/auth/password';
import { foldDiacritics, toNfc } from '../src/common/text/vietnamese';
import { contradictions, RuleParties } from '../src/routing/competence';
import { seedDemoAgencyContacts } from './demo-agency-contacts';
import { decisionStyle, demoHeadFullName, demoHeadUsername } from './demo-heads';

/** The province of the demo data, and the date its 2025 structure took effect (NQ 1681/NQ-UBTVQH15, Art. 2). */
export const DEMO_PROVINCE = 'SL';
const STRUCTURE_FROM = '2025-07-01';

interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  parent_code: string;
}

export interface DemoLogin {
  username: string;
  role: string;
  agency: string;
}

function seedFile(name: string): string {
  const beside = path.join(__dirname, name);
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'seeds', name);
}

export function readSonLaAgencies(): AgencyRow[] {
  return parse(fs.readFileSync(seedFile('sonla-agencies.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as AgencyRow[];
}

export function demoUsername(agencyCode: string): string {
  return `canbo.${agencyCode.toLowerCase()}`;
}

/**
 * Loads the Sơn La bodies and the demo accounts: per body an officer (`canbo.…`) and its leadership (`thutruong.…`,
 * AGENCY_HEAD: approves the body's level-3 dossiers as their owner). Idempotent: rows that exist are left alone.
 * All demo accounts share one argon2id hash of DEMO_PASSWORD (hashing 193 of them would only slow the start).
 */
export async function seedDemo(dataSource: DataSource, password: string): Promise<DemoLogin[]> {
  const rows = readSonLaAgencies();
  const hash = await hashPassword(password);
  return dataSource.transaction(async (em) => {
    // The structure is recorded as it has stood since the 2025 reorganisation, not from the day of seeding.
    await em.query(`SELECT set_config('capdo.effective_date', $1, true)`, [STRUCTURE_FROM]);
    for (const row of rows) {
      const name = toNfc(row.name);
      await em.query(
        `INSERT INTO agencies (code, name, kind, province_code, valid_from, search_text)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [row.code, name, row.kind, DEMO_PROVINCE, STRUCTURE_FROM, foldDiacritics(name)],
      );
    }
    await seedDemoAgencyContacts(
      em,
      rows.map((r) => ({ code: r.code, name: toNfc(r.name), kind: r.kind })),
    );
    for (const row of rows.filter((r) => r.parent_code)) {
      await em.query(`UPDATE agencies c SET parent_id = p.id FROM agencies p WHERE c.code = $1 AND p.code = $2 AND c.parent_id IS NULL`, [
        row.code,
        row.parent_code,
      ]);
    }
    await seedRouting(em);
    await seedCampaign(em);
    const logins: DemoLogin[] = [
      { username: 'admin', role: 'ADMIN', agency: '' },
      { username: 'lanhdao', role: 'LEADER', agency: 'SL-UBND' },
      { username: 'thamdinh', role: 'APPRAISER', agency: 'SL-CA' },
      ...rows.map((r) => ({ username: demoUsername(r.code), role: 'AGENCY_OFFICER', agency: r.code })),
      ...rows.map((r) => ({ username: demoHeadUsername(r.code), role: 'AGENCY_HEAD', agency: r.code })),
    ];
    const names: Record<string, string> = {
      admin: 'Quản trị hệ thống',
      lanhdao: 'Lãnh đạo UBND tỉnh',
      thamdinh: 'Cán bộ thẩm định Công an tỉnh',
    };
    // Chức vụ, shown with the name in the history (users/person-label.ts); the heads sign as their decisions read.
    const titles: Record<string, string> = {
      admin: 'Quản trị viên hệ thống',
      lanhdao: 'Phó Chủ tịch UBND tỉnh',
      thamdinh: 'Cán bộ thẩm định, Công an tỉnh',
    };
    for (const login of logins) {
      const body = rows.find((r) => r.code === login.agency);
      const agencyName = toNfc(body?.name ?? '');
      const fullName = names[login.username] ?? (login.role === 'AGENCY_HEAD' ? demoHeadFullName(agencyName) : `Cán bộ ${agencyName}`);
      const title =
        titles[login.username] ??
        (login.role === 'AGENCY_HEAD' && body
          ? decisionStyle({ code: body.code, name: agencyName, kind: body.kind }).signerTitle
          : 'Chuyên viên');
      // An account seeded before titles existed gets its title; one an administrator changed keeps it.
      await em.query(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id, title)
         VALUES ($1, $2, $3, $4, (SELECT id FROM agencies WHERE code = $5), $6)
         ON CONFLICT (username) DO UPDATE SET title = EXCLUDED.title WHERE users.title IS NULL`,
        [login.username, hash, fullName, login.role, login.agency || null, title],
      );
    }
    return logins;
  });
}

const A05 = 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - A05)';

/** A Sơn La routing rule: who appraises, who approves and who gives the Mẫu 03 opinion, for a range of levels. */
interface DemoRule {
  name: string;
  minLevel: number;
  maxLevel: number;
  /** Công an tỉnh, or the ministry outside capdo. */
  appraiser: 'SL-CA' | typeof A05;
  approverKind: 'AGENCY' | 'OWNER';
  specialisedUnit: 'SL-CA' | null;
}

/**
 * Sơn La's routing since the 2025 handover to the Ministry of Public Security, as the law's table has it
 * (src/routing/competence.ts): Công an tỉnh is the owners' specialised unit. Levels 1–2: it appraises and approves
 * (ND331 Art. 18.1); level 3: it appraises and the owner approves on the operating unit's Tờ trình (Art. 18.2,
 * 20.3.b); levels 4–5: Bộ Công an (Cục A05) appraises, Công an tỉnh gives the Mẫu 03 opinion and the owner approves
 * (Art. 18.3, 20.1.d). One rule per root of the agency tree (the police and the party office sit outside UBND tỉnh).
 */
export const DEMO_ROUTING: readonly DemoRule[] = [
  {
    name: 'Cấp độ 1–2: Công an tỉnh Sơn La thẩm định và phê duyệt',
    minLevel: 1,
    maxLevel: 2,
    appraiser: 'SL-CA',
    approverKind: 'AGENCY',
    specialisedUnit: null,
  },
  {
    name: 'Cấp độ 3: Công an tỉnh Sơn La thẩm định, cơ quan chủ quản phê duyệt',
    minLevel: 3,
    maxLevel: 3,
    appraiser: 'SL-CA',
    approverKind: 'OWNER',
    specialisedUnit: null,
  },
  {
    name: 'Cấp độ 4–5: Bộ Công an (A05) thẩm định, Công an tỉnh cho ý kiến chuyên môn, cơ quan chủ quản phê duyệt',
    minLevel: 4,
    maxLevel: 5,
    appraiser: A05,
    approverKind: 'OWNER',
    specialisedUnit: 'SL-CA',
  },
];

async function seedRouting(em: EntityManager): Promise<void> {
  const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM routing_rules`);
  if (n > 0) return;
  const [{ id: police }]: { id: string }[] = await em.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`);
  for (const rule of DEMO_ROUTING) {
    const byPolice = rule.appraiser === 'SL-CA';
    const parties: RuleParties = {
      minLevel: rule.minLevel,
      maxLevel: rule.maxLevel,
      regime: null,
      appraiserAgencyId: byPolice ? police : null,
      appraiserExternalName: byPolice ? null : rule.appraiser,
      approverKind: rule.approverKind,
      approverAgencyId: rule.approverKind === 'AGENCY' ? police : null,
      approverDesignation: null,
      specialisedUnitAgencyId: rule.specialisedUnit ? police : null,
    };
    // The demo must not teach a routing the law forbids: the same check the routing API makes.
    const wrong = contradictions(parties);
    if (Object.keys(wrong).length) throw new Error(`Demo routing rule "${rule.name}" contradicts the law: ${JSON.stringify(wrong)}`);
    for (const root of ['SL-UBND', 'SL-CA', 'SL-VP-TU']) {
      await em.query(
        `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_agency_id, appraiser_external_name, approver_kind,
                                    approver_agency_id, approver_designation, specialised_unit_agency_id, priority)
         SELECT $2, r.id, $3::int, $4::int, $5::uuid, $6::text, $7::text, $8::uuid, $9::text, $10::uuid, 100 FROM agencies r WHERE r.code = $1`,
        [
          root,
          rule.name,
          rule.minLevel,
          rule.maxLevel,
          parties.appraiserAgencyId,
          parties.appraiserExternalName,
          parties.approverKind,
          parties.approverAgencyId,
          parties.approverDesignation,
          parties.specialisedUnitAgencyId,
        ],
      );
    }
  }
}

/** Dispatch 256/UBND-NC (13/01/2026): every body of the province submits its level dossiers by 15/02/2026. */
async function seedCampaign(em: EntityManager): Promise<void> {
  const [campaign] = await em.query(
    `INSERT INTO campaigns (province_code, number, issued_on, issuer, title, deadline, target)
     VALUES ($1, '256/UBND-NC', '2026-01-13', 'UBND tỉnh Sơn La', 'V/v tăng cường bảo đảm an toàn hệ thống thông tin theo cấp độ', '2026-02-15', 'SUBMITTED')
     ON CONFLICT (province_code, number) DO NOTHING RETURNING id`,
    [DEMO_PROVINCE],
  );
  if (!campaign) return;
  await em.query(
    `INSERT INTO campaign_agencies (campaign_id, agency_id) SELECT $1, id FROM agencies WHERE province_code = $2 AND status = 'ACTIVE'`,
    [campaign.id, DEMO_PROVINCE],
  );
}
