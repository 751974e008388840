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

/**
 * The explanatory report's contents (TT12 Art. 8.3–8.5; ND331 Art. 21.2, 22.3–22.5), every part filled in, the level
 * 4–5 parts included: the design is the approved construction design of a system in operation.
 */
export const COMPLETE_DESCRIPTION = {
  logicalModel: 'Ba lớp: giao diện người dùng, máy chủ ứng dụng, cơ sở dữ liệu; truy cập qua cổng HTTPS.',
  physicalModel: 'Hai máy chủ ảo tại Trung tâm dữ liệu tỉnh, sau tường lửa trung tâm và tường lửa ứng dụng web.',
  equipment: [
    { name: 'Tường lửa trung tâm', location: 'Trung tâm dữ liệu tỉnh', purpose: 'Bảo vệ vùng biên', mainNetworkDevice: true },
    { name: 'Máy chủ ảo APP-01', location: 'Trung tâm dữ liệu tỉnh', purpose: 'Chạy ứng dụng' },
  ],
  applications: [
    {
      name: 'Cổng tiếp nhận hồ sơ',
      server: 'APP-01',
      location: 'Trung tâm dữ liệu tỉnh',
      operatingSystem: 'Ubuntu Server 22.04',
      purpose: 'Tiếp nhận hồ sơ trực tuyến',
    },
  ],
  networkZones: [
    { name: 'Vùng DMZ', privateAddresses: '10.10.20.0/24', publicAddresses: '113.160.1.10' },
    { name: 'Vùng máy chủ nội bộ', privateAddresses: '10.10.30.0/24', publicAddresses: null },
  ],
  designDocument: { title: 'Thiết kế thi công', approvalNumber: '125/QĐ-UBND', approvalDate: '2024-03-15', approvedBy: 'UBND tỉnh' },
  preliminaryRisks: 'Lộ lọt dữ liệu cá nhân, tấn công từ chối dịch vụ; ảnh hưởng dự kiến ở mức trung bình.',
  relatedSystems: 'Cổng dịch vụ công quốc gia, Trục liên thông văn bản quốc gia.',
  threats: 'Tấn công từ chối dịch vụ, mã độc tống tiền; có thể gián đoạn dịch vụ.',
  publicImpact: 'Gián đoạn giải quyết thủ tục hành chính cho người dân trên phạm vi rộng.',
  continuousOperation: 'Phục vụ người dân liên tục 24/7, không chấp nhận ngừng ngoài kế hoạch.',
};

/** The details the report gives for the owner and the operating unit (TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b). */
export const AGENCY_CONTACTS = {
  functionsDocument: 'Quyết định số 15/2025/QĐ-UBND quy định chức năng, nhiệm vụ, quyền hạn',
  representativeName: 'Nguyễn Văn An',
  representativeTitle: 'Giám đốc',
  address: 'Số 1 đường Tô Hiệu, tỉnh Sơn La',
  phone: '0212 3852 000',
  email: 'vanphong@sonla.gov.vn',
};

/** Fills the contact details an agency (or several) has not recorded yet, as an administrator would. */
export async function fillAgencyContacts(t: TestApp, agencyIds: string[]): Promise<void> {
  await t.db.query(
    `UPDATE agencies SET functions_document = coalesce(functions_document, $2), representative_name = coalesce(representative_name, $3),
            representative_title = coalesce(representative_title, $4), address = coalesce(address, $5), phone = coalesce(phone, $6),
            email = coalesce(email, $7)
      WHERE id = ANY($1)`,
    [agencyIds, ...Object.values(AGENCY_CONTACTS)],
  );
}

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

/** A draft dossier with every part filled in, its owner's and operator's details, and the attachments ND331 asks for: ready to submit. */
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
    .send({
      version: created.body.version,
      description: COMPLETE_DESCRIPTION,
      planSections: { a: 'a', b: 'b', c: 'c', d: 'd', dd: 'đ', e: 'e', g: 'g' },
      planEntries,
    });
  if (patched.status !== 200) throw new Error(`patch: ${patched.status} ${patched.text}`);
  await fillAgencyContacts(t, [created.body.owner.id, created.body.operator.id]);
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
