import type request from 'supertest';
import { PDF } from './dossier-fixtures';
import type { TestApp } from './test-app';

/**
 * Fixtures of the procedure by level (issue 18; Decree 331/2026 Arts. 18, 20): the owner's leadership (AGENCY_HEAD)
 * and the decisions, which are multipart with their signed PDF. The demo's routing follows the competence table:
 * Công an tỉnh appraises and approves levels 1–2, appraises level 3 for the owner, and gives the Mẫu 03 opinion on
 * levels 4–5, which Bộ Công an (A05) appraises.
 */

export const MINISTRY_A05 = 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - A05)';

/**
 * ND331 facts giving level 4 (infrastructure serving the whole country, nationwide 24/7) and level 5 (infrastructure
 * linking the national network with the international one), as the rulebook reads them.
 */
export const LEVEL4_FACTS = {
  systemType: 'INFRASTRUCTURE',
  infoTypes: ['PRIVATE'],
  infrastructureScope: 'NATIONWIDE',
  riskAssessedLevel: 4,
};
export const LEVEL5_FACTS = {
  systemType: 'INFRASTRUCTURE',
  infoTypes: ['PRIVATE'],
  infrastructureScope: 'INTERNATIONAL_LINK',
  riskAssessedLevel: 5,
};

/** An AGENCY_HEAD of an agency (by code), with the administrator's password hash: parameters username, full name, code. */
export const AGENCY_HEAD_SQL = `INSERT INTO users (username, password_hash, full_name, role, agency_id)
  SELECT $1, password_hash, $2, 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = $3) FROM users WHERE username = 'admin'
  ON CONFLICT (username) DO NOTHING`;

/** An AGENCY_HEAD ("Lãnh đạo cơ quan, đơn vị") of the agency, with the demo password; returns its token. */
export async function createAgencyHead(t: TestApp, agencyCode: string, username: string, fullName: string): Promise<string> {
  await t.adminQuery(AGENCY_HEAD_SQL, [username, fullName, agencyCode]);
  return t.login(username);
}

export type DecisionAction = 'approve' | 'approve-plan' | 'record-listing';

/** A decision action as the API takes it: multipart fields and the signed PDF (`file: null` sends none). */
export function decide(
  t: TestApp,
  token: string,
  id: string,
  action: DecisionAction,
  fields: Record<string, string | number>,
  file: Buffer | null = PDF,
  fileName = 'quyet-dinh.pdf',
): request.Test {
  const req = t
    .http()
    .post(`/api/v1/dossiers/${id}/actions/${action}`)
    .set({ authorization: `Bearer ${token}` });
  for (const [key, value] of Object.entries(fields)) req.field(key, String(value));
  return file ? req.attach('file', file, fileName) : req;
}
