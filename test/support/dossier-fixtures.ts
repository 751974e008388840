import { TestApp } from './test-app';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** ND331 facts that give level 3 (a system that handles administrative procedures), or level 2. */
export const LEVEL3_FACTS = {
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PUBLIC', 'PERSONAL'],
  handlesAdminProcedures: true,
  basicPersonalDataSubjects: 5000,
  sensitivePersonalDataSubjects: 0,
  riskAssessedLevel: 2,
};
export const LEVEL2_FACTS = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], riskAssessedLevel: 2 };

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A registered system of the officer's agency, with its internal security regulation issued. */
export async function createSystem(t: TestApp, token: string, agencyCode: string, code: string, name: string): Promise<string> {
  const [{ id }] = await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [agencyCode]);
  const res = await t
    .http()
    .post('/api/v1/systems')
    .set(auth(token))
    .send({
      code,
      name,
      ownerAgencyId: id,
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      lifecycle: 'IN_OPERATION',
      description: 'Hệ thống phục vụ người dân',
      scope: 'Toàn tỉnh',
      servedPopulation: 'Người dân, doanh nghiệp',
      internalRegulationNumber: '12/QC',
      internalRegulationDate: '2025-06-01',
    });
  if (res.status !== 201) throw new Error(`system: ${res.status} ${res.text}`);
  return res.body.id;
}

/** A draft dossier with every part filled in and the attachments ND331 asks for: ready to submit. */
export async function createCompleteDossier(
  t: TestApp,
  token: string,
  systemId: string,
  facts: object = LEVEL3_FACTS,
): Promise<{ id: string; version: number }> {
  const created = await t
    .http()
    .post('/api/v1/dossiers')
    .set(auth(token))
    .send({ systemId, facts, levelJustification: 'Theo tiêu chí của Nghị định, hệ thống có cấp độ như đề xuất.' });
  if (created.status !== 201) throw new Error(`dossier: ${created.status} ${created.text}`);
  const planEntries = created.body.plan.map((p: { code: string }) => ({
    code: p.code,
    status: 'IMPLEMENTED',
    description: 'Đã triển khai',
  }));
  const patched = await t
    .http()
    .patch(`/api/v1/dossiers/${created.body.id}`)
    .set(auth(token))
    .send({ version: created.body.version, planSections: { a: 'a', b: 'b', c: 'c', d: 'd', dd: 'đ', e: 'e', g: 'g' }, planEntries });
  if (patched.status !== 200) throw new Error(`patch: ${patched.status} ${patched.text}`);
  for (const kind of ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT']) {
    const res = await t
      .http()
      .post(`/api/v1/dossiers/${created.body.id}/attachments`)
      .set(auth(token))
      .field('kind', kind)
      .attach('file', PDF, `${kind}.pdf`);
    if (res.status !== 201) throw new Error(`attach: ${res.status} ${res.text}`);
  }
  return { id: created.body.id, version: patched.body.version };
}
