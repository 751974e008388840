import { createHash } from 'node:crypto';
import { COMPLETE_DESCRIPTION } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 1)]);

describe('dossier builder', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let leader: string;
  let systemId: string;
  let dossierId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const facts = {
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC', 'PERSONAL'],
    handlesAdminProcedures: true,
    basicPersonalDataSubjects: 5000,
    sensitivePersonalDataSubjects: 0,
    riskAssessedLevel: 2,
  };

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer, leader] = await Promise.all(['canbo.sl-so-xd', 'canbo.sl-so-yt', 'lanhdao'].map((u) => t.login(u)));
    const [{ id: xd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const system = await t
      .http()
      .post('/api/v1/systems')
      .set(as(officer))
      .send({
        code: 'MOT-CUA',
        name: 'Hệ thống một cửa điện tử Sở Xây dựng',
        ownerAgencyId: xd,
        systemType: 'CITIZEN_BUSINESS',
        infoTypes: ['PUBLIC', 'PERSONAL'],
        lifecycle: 'IN_OPERATION',
        description: 'Tiếp nhận và trả kết quả thủ tục hành chính',
        scope: 'Toàn tỉnh',
        servedPopulation: 'Người dân, doanh nghiệp',
      })
      .expect(201);
    systemId = system.body.id;
  });
  afterAll(() => t.close());

  it('refuses a proposed level below the computed one (ND331 Art. 13.2.b gives level 3), and writes nothing', async () => {
    const before = await countRows(t.db, 'dossiers');
    const res = await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts, proposedLevel: 2 });
    expectProblem(res, 422, 'PROPOSED_LEVEL_BELOW_CRITERIA');
    expect(await countRows(t.db, 'dossiers')).toBe(before);
  });

  it('creates a draft with the regime of the day, the classification snapshot and part 1 pre-filled', async () => {
    const res = await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts }).expect(201);
    dossierId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'DRAFT',
      statusLabel: 'Đang dự thảo',
      regime: 'ND331',
      catalogueId: 'TT12-2022',
      computedLevel: 3,
      proposedLevel: 3,
      designKind: 'CONSTRUCTION',
      system: { code: 'MOT-CUA' },
      owner: { code: 'SL-SO-XD' },
      description: {
        overview: 'Tiếp nhận và trả kết quả thủ tục hành chính',
        scope: 'Toàn tỉnh',
        servedPopulation: 'Người dân, doanh nghiệp',
      },
      version: 1,
    });
    expect(res.body.classification.result.matchedRules).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'R9', article: expect.stringContaining('Điều 13') })]),
    );
    expect(res.body.plan).toHaveLength(66);
    expect(res.body.plan.every((p: { status: string | null }) => p.status === null)).toBe(true);
    expect(res.body.planSections.map((s: { key: string }) => s.key)).toEqual(['a', 'b', 'c', 'd', 'dd', 'e', 'g']);
  });

  it('accepts a higher level when it is justified in writing (ND331 Art. 22.4)', async () => {
    const res = await t
      .http()
      .post('/api/v1/dossiers')
      .set(as(officer))
      .send({
        systemId,
        facts,
        proposedLevel: 4,
        levelJustification: 'Hệ thống kết nối với nhiều hệ thống dùng chung của tỉnh nên đề xuất cấp độ cao hơn.',
      })
      .expect(201);
    expect(res.body).toMatchObject({ computedLevel: 3, proposedLevel: 4 });
    expect(res.body.plan.length).toBeGreaterThan(66);
  });

  it('lists everything missing with stable codes and Vietnamese messages', async () => {
    const res = await t.http().get(`/api/v1/dossiers/${dossierId}/completeness`).set(as(officer)).expect(200);
    expect(res.body.complete).toBe(false);
    const codes = new Set(res.body.missing.map((m: { code: string }) => m.code));
    for (const code of [
      'DESIGN_DOCUMENT_MISSING',
      'LEVEL_JUSTIFICATION_MISSING',
      'RISK_ASSESSMENT_MISSING',
      'PLAN_SECTION_MISSING',
      'PLAN_REQUIREMENT_UNANSWERED',
      'LOGICAL_MODEL_MISSING',
      'EQUIPMENT_LIST_MISSING',
      'NETWORK_ZONES_MISSING',
    ]) {
      expect(codes).toContain(code);
    }
    expect(res.body.missing.filter((m: { code: string }) => m.code === 'PLAN_REQUIREMENT_UNANSWERED')).toHaveLength(66);
    // TT12 Art. 9.7 / ND331 Art. 30.7: the internal regulation is due before approval, so it warns without holding the dossier back.
    expect(codes).not.toContain('INTERNAL_REGULATION_MISSING');
    expect(res.body.warnings.find((m: { code: string }) => m.code === 'INTERNAL_REGULATION_MISSING').message).toMatch(/quy chế/);
  });

  describe('attachments', () => {
    it('stores a PDF with its SHA-256 and gives it back under its original Vietnamese name', async () => {
      const res = await t
        .http()
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .set(as(officer))
        .field('kind', 'DESIGN_DOCUMENT')
        .attach('file', PDF, 'Thiết kế thi công.pdf')
        .expect(201);
      expect(res.body).toMatchObject({
        kind: 'DESIGN_DOCUMENT',
        kindLabel: 'Tài liệu thiết kế',
        fileName: 'Thiết kế thi công.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
      });
      const download = await t
        .http()
        .get(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`)
        .set(as(leader))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toContain('application/pdf');
      expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Thi%E1%BA%BFt%20k%E1%BA%BF%20thi%20c%C3%B4ng.pdf");
      expect(Buffer.compare(download.body, PDF)).toBe(0);
    });

    it('stores a PDF sent as "Huong-dan.bat" as Huong-dan.pdf and serves it as a PDF that browsers may not sniff', async () => {
      const res = await t
        .http()
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .set(as(officer))
        .field('kind', 'OTHER')
        .attach('file', PDF, 'Huong-dan.bat')
        .expect(201);
      expect(res.body).toMatchObject({ fileName: 'Huong-dan.pdf', mediaType: 'application/pdf' });
      const download = await t.http().get(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="Huong-dan.pdf"; filename*=UTF-8''Huong-dan.pdf`);
      // A row stored before this rule, still named .bat, is served under the name of its type too.
      await t.db.query(`UPDATE dossier_attachments SET file_name = 'Huong-dan.bat' WHERE id = $1`, [res.body.id]);
      const legacy = await t.http().get(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(200);
      expect(legacy.headers['content-type']).toBe('application/pdf');
      expect(legacy.headers['content-disposition']).toContain('filename="Huong-dan.pdf"');
      await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(204);
    });

    it('strips bidi overrides, isolates and zero-width characters from names, NFC-normalised', async () => {
      const res = await t
        .http()
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .set(as(officer))
        .field('kind', 'OTHER')
        .attach('file', PDF, 'Ke\u0302\u0301 hoa\u0323ch\u2066\u200b\u202efdp.exe')
        .expect(201);
      expect(res.body.fileName).toBe('Kế hoạchfdp.pdf');
      const download = await t.http().get(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(200);
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="Ke hoachfdp.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1chfdp.pdf`,
      );
      await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(204);
    });

    it('refuses an .exe renamed .pdf (type checked from the content), and writes nothing', async () => {
      const before = await countRows(t.db, 'dossier_attachments');
      expectProblem(
        await t
          .http()
          .post(`/api/v1/dossiers/${dossierId}/attachments`)
          .set(as(officer))
          .field('kind', 'DESIGN_DOCUMENT')
          .attach('file', EXE, 'thiet-ke.pdf'),
        415,
        'ATTACHMENT_TYPE_NOT_ALLOWED',
      );
      expectProblem(
        await t
          .http()
          .post(`/api/v1/dossiers/${dossierId}/attachments`)
          .set(as(officer))
          .field('kind', 'SECRET')
          .attach('file', PDF, 'a.pdf'),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t.http().post(`/api/v1/dossiers/${dossierId}/attachments`).set(as(officer)).field('kind', 'OTHER'),
        422,
        'VALIDATION_FAILED',
      );
      expect(await countRows(t.db, 'dossier_attachments')).toBe(before);
    });

    it('removes an attachment of a draft (audited); others cannot', async () => {
      const res = await t
        .http()
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .set(as(officer))
        .field('kind', 'OTHER')
        .attach('file', PDF, 'Phụ lục.pdf')
        .expect(201);
      expectProblem(await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(leader)), 403, 'FORBIDDEN');
      expectProblem(
        await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(otherOfficer)),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/not-an-id`).set(as(officer)), 404, 'NOT_FOUND');
      await t.http().delete(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)).expect(204);
      expectProblem(await t.http().get(`/api/v1/dossiers/${dossierId}/attachments/${res.body.id}`).set(as(officer)), 404, 'NOT_FOUND');
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'DETACH' AND before->>'id' = $2`,
        [dossierId, res.body.id],
      );
      expect(n).toBe(1);
    });

    it('refuses files over 20 MB with 413', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 10)]);
      expectProblem(
        await t
          .http()
          .post(`/api/v1/dossiers/${dossierId}/attachments`)
          .set(as(officer))
          .field('kind', 'OTHER')
          .attach('file', big, 'lon.pdf'),
        413,
      );
    });

    it('keeps other agencies out (404) and leaders read-only (403)', async () => {
      expectProblem(
        await t
          .http()
          .post(`/api/v1/dossiers/${dossierId}/attachments`)
          .set(as(otherOfficer))
          .field('kind', 'OTHER')
          .attach('file', PDF, 'x.pdf'),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await t
          .http()
          .post(`/api/v1/dossiers/${dossierId}/attachments`)
          .set(as(leader))
          .field('kind', 'OTHER')
          .attach('file', PDF, 'x.pdf'),
        403,
        'FORBIDDEN',
      );
    });
  });

  it('is filled in to complete: description, justification, seven sections, every requirement, risk assessment, regulation', async () => {
    const current = await t.http().get(`/api/v1/dossiers/${dossierId}`).set(as(officer)).expect(200);
    const planEntries = current.body.plan.map((p: { code: string }, i: number) =>
      i % 3 === 0
        ? { code: p.code, status: 'IMPLEMENTED', description: 'Đã triển khai theo quy chế' }
        : i % 3 === 1
          ? { code: p.code, status: 'PLANNED', plannedDate: '2027-06-30', description: 'Trong kế hoạch năm 2027' }
          : { code: p.code, status: 'NOT_APPLICABLE', reason: 'Dùng hạ tầng dùng chung của tỉnh' },
    );
    const res = await t
      .http()
      .patch(`/api/v1/dossiers/${dossierId}`)
      .set(as(officer))
      .send({
        version: current.body.version,
        levelJustification: 'Hệ thống giải quyết thủ tục hành chính (Điểm b Khoản 2 Điều 13).',
        description: COMPLETE_DESCRIPTION,
        planSections: { a: 'Thiết kế', b: 'Vận hành', c: 'Kiểm tra', d: 'Rủi ro', dd: 'Giám sát', e: 'Dự phòng', g: 'Thanh lý' },
        planEntries,
      })
      .expect(200);
    expect(res.body.version).toBe(current.body.version + 1);
    expect(res.body.plan.filter((p: { status: string | null }) => p.status !== null)).toHaveLength(66);
    await t
      .http()
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .set(as(officer))
      .field('kind', 'RISK_ASSESSMENT')
      .attach('file', PDF, 'Đánh giá rủi ro.pdf')
      .expect(201);
    const system = await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200);
    await t
      .http()
      .patch(`/api/v1/systems/${systemId}`)
      .set(as(officer))
      .send({ version: system.body.version, internalRegulationNumber: '12/QC-SXD', internalRegulationDate: '2025-06-01' })
      .expect(200);
    const completeness = await t.http().get(`/api/v1/dossiers/${dossierId}/completeness`).set(as(officer)).expect(200);
    expect(completeness.body).toEqual({ complete: true, missingCount: 0, missing: [], warnings: [] });
  });

  it('refuses a stale version with 409 and unknown requirement codes with 422, writing nothing', async () => {
    const audits = await countRows(t.db, 'audit_log');
    expectProblem(
      await t.http().patch(`/api/v1/dossiers/${dossierId}`).set(as(officer)).send({ version: 1, levelJustification: 'cũ' }),
      409,
      'VERSION_CONFLICT',
    );
    const current = await t.http().get(`/api/v1/dossiers/${dossierId}`).set(as(officer)).expect(200);
    const body = expectProblem(
      await t
        .http()
        .patch(`/api/v1/dossiers/${dossierId}`)
        .set(as(officer))
        .send({ version: current.body.version, planEntries: [{ code: 'TT12.L5.TK.b.xviii', status: 'IMPLEMENTED', description: 'x' }] }),
      422,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(body.errors as object)).toEqual(['planEntries[0].code']);
    expectProblem(
      await t
        .http()
        .patch(`/api/v1/dossiers/${dossierId}`)
        .set(as(officer))
        .send({ version: current.body.version, planEntries: [{ code: 'x', status: 'MAYBE' }] }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t
        .http()
        .patch(`/api/v1/dossiers/${dossierId}`)
        .set(as(officer))
        .send({ version: current.body.version, proposedLevel: 1, levelJustification: ' ' }),
      422,
      'PROPOSED_LEVEL_BELOW_CRITERIA',
    );
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
  });

  it('scopes dossiers: other agencies get 404, leaders read but never write', async () => {
    expectProblem(await t.http().get(`/api/v1/dossiers/${dossierId}`).set(as(otherOfficer)), 404, 'NOT_FOUND');
    expectProblem(await t.http().post('/api/v1/dossiers').set(as(otherOfficer)).send({ systemId }), 404, 'NOT_FOUND');
    await t.http().get(`/api/v1/dossiers/${dossierId}`).set(as(leader)).expect(200);
    expectProblem(await t.http().patch(`/api/v1/dossiers/${dossierId}`).set(as(leader)).send({ version: 1 }), 403, 'FORBIDDEN');
    const list = await t.http().get('/api/v1/dossiers').query({ systemId }).set(as(officer)).expect(200);
    expect(list.body.total).toBe(2);
    const none = await t.http().get('/api/v1/dossiers').set(as(otherOfficer)).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('keeps state-secret dossiers off the networked registry', async () => {
    const [{ id: xd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const secret = await t
      .http()
      .post('/api/v1/systems')
      .set(as(officer))
      .send({
        code: 'MAT',
        name: 'Hệ thống mật',
        ownerAgencyId: xd,
        systemType: 'INTERNAL',
        infoTypes: ['STATE_SECRET'],
        lifecycle: 'IN_OPERATION',
      })
      .expect(201);
    expectProblem(
      await t
        .http()
        .post('/api/v1/dossiers')
        .set(as(officer))
        .send({ systemId: secret.body.id, facts: { systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'HARM' } }),
      422,
      'STATE_SECRET_OFFLINE_DOSSIER',
    );
  });

  it('rejects bad creation input with 422', async () => {
    expectProblem(await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId: 'nope' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t
        .http()
        .post('/api/v1/dossiers')
        .set(as(officer))
        .send({ systemId, facts: { systemType: 'CASTLE', infoTypes: ['PUBLIC'] } }),
      422,
      'CLASSIFICATION_FACTS_INVALID',
    );
    expectProblem(await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, proposedLevel: 9 }), 422, 'VALIDATION_FAILED');
  });
});
