import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyKind } from '../src/agencies/agency-kind';
import { hashPassword } from '../src/auth/password';
import { foldDiacritics, toNfc } from '../src/common/text/vietnamese';

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
 * Loads the Sơn La bodies and the demo accounts. Idempotent: rows that exist are left alone.
 * All demo accounts share one argon2id hash of DEMO_PASSWORD (hashing 98 of them would only slow the start).
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
    ];
    const names: Record<string, string> = {
      admin: 'Quản trị hệ thống',
      lanhdao: 'Lãnh đạo UBND tỉnh',
      thamdinh: 'Cán bộ thẩm định Công an tỉnh',
    };
    for (const login of logins) {
      const agencyName = rows.find((r) => r.code === login.agency)?.name;
      await em.query(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id)
         VALUES ($1, $2, $3, $4, (SELECT id FROM agencies WHERE code = $5)) ON CONFLICT (username) DO NOTHING`,
        [login.username, hash, names[login.username] ?? `Cán bộ ${agencyName}`, login.role, login.agency || null],
      );
    }
    return logins;
  });
}

/**
 * Sơn La's routing since the 2025 handover to the Ministry of Public Security: levels 1–3 appraised and approved by
 * Công an tỉnh; levels 4–5 appraised by the Ministry (Cục A05) and approved by the owner. One rule per root of the
 * agency tree (the police and the party office sit outside UBND tỉnh).
 */
async function seedRouting(em: EntityManager): Promise<void> {
  const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM routing_rules`);
  if (n > 0) return;
  for (const root of ['SL-UBND', 'SL-CA', 'SL-VP-TU']) {
    await em.query(
      `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_agency_id, approver_kind, approver_agency_id, priority)
       SELECT $2, r.id, 1, 3, ca.id, 'AGENCY', ca.id, 100 FROM agencies r, agencies ca WHERE r.code = $1 AND ca.code = 'SL-CA'`,
      [root, 'Cấp độ 1–3: Công an tỉnh Sơn La thẩm định và phê duyệt'],
    );
    await em.query(
      `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_external_name, approver_kind, priority)
       SELECT $2, r.id, 4, 5, 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - A05)', 'OWNER', 100 FROM agencies r WHERE r.code = $1`,
      [root, 'Cấp độ 4–5: Bộ Công an (A05) thẩm định, cơ quan chủ quản phê duyệt'],
    );
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
