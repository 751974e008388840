import { AgencyDetails, CompletenessInput, missingItems, warningItems } from './dossier-completeness';
import { PLAN_SECTION_KEYS } from './dossier-plan';

const requirements = [
  { code: 'R1', title: 'Chính sách an toàn' },
  { code: 'R2', title: 'Tường lửa' },
  { code: 'R3', title: 'Sao lưu' },
];

const owner: AgencyDetails = {
  id: 'owner',
  name: 'Sở Xây dựng',
  functionsDocument: 'Quyết định 15/2025/QĐ-UBND',
  representativeName: 'Nguyễn Văn An',
  representativeTitle: 'Giám đốc',
  address: 'Số 1 đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
  phone: '0212 3852 000',
  email: 'sxd@sonla.gov.vn',
};

/** The explanatory report's contents every level gives (TT12 Art. 8.3; ND331 Art. 22.3). */
const contents = {
  overview: 'Cổng thông tin',
  scope: 'Toàn tỉnh',
  servedPopulation: 'Người dân, doanh nghiệp',
  logicalModel: 'Ba lớp: giao diện, ứng dụng, dữ liệu',
  physicalModel: 'Hai máy chủ ảo tại Trung tâm dữ liệu tỉnh',
  equipment: [{ name: 'Tường lửa', location: 'Trung tâm dữ liệu', purpose: 'Bảo vệ vùng biên', mainNetworkDevice: true }],
  applications: [{ name: 'Cổng', server: 'APP-01', location: 'TTDL', operatingSystem: 'Ubuntu 22.04', purpose: 'Tiếp nhận hồ sơ' }],
  networkZones: [{ name: 'DMZ', privateAddresses: '10.0.1.0/24', publicAddresses: '113.160.1.10' }],
};

/** What a level 4–5 proposal adds (TT12 Art. 8.5; ND331 Art. 22.5). */
const levelFourFive = {
  relatedSystems: 'Trục liên thông văn bản quốc gia',
  threats: 'Tấn công từ chối dịch vụ',
  publicImpact: 'Gián đoạn dịch vụ công toàn quốc',
  continuousOperation: 'Phục vụ 24/7',
};

function complete(overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    regime: 'ND85',
    proposedLevel: 3,
    levelUndetermined: false,
    levelJustification: 'Hệ thống cung cấp dịch vụ công trực tuyến toàn trình.',
    description: contents,
    designKind: 'PRELIMINARY',
    owner,
    operator: owner,
    requirements,
    planEntries: {
      R1: { status: 'IMPLEMENTED', description: 'Đã ban hành' },
      R2: { status: 'PLANNED', plannedDate: '2026-12-31', description: 'Mua sắm tường lửa' },
      R3: { status: 'NOT_APPLICABLE', reason: 'Dùng dịch vụ sao lưu của tỉnh' },
    },
    planSections: Object.fromEntries(PLAN_SECTION_KEYS.map((k) => [k, 'Nội dung'])),
    attachmentKinds: ['DESIGN_DOCUMENT'],
    internalRegulation: { number: '12/QC-SXD', date: '2025-06-01' },
    ...overrides,
  };
}

const codes = (input: CompletenessInput) => missingItems(input).map((m) => m.code);

describe('dossier completeness', () => {
  it('finds nothing missing in a complete level-3 ND85 dossier', () => {
    expect(missingItems(complete())).toEqual([]);
  });

  it('requires the general description fields (part 1)', () => {
    expect(codes(complete({ description: { ...contents, overview: ' ', scope: null, servedPopulation: '' } }))).toEqual([
      'DESCRIPTION_OVERVIEW_MISSING',
      'DESCRIPTION_SCOPE_MISSING',
      'DESCRIPTION_SERVED_POPULATION_MISSING',
    ]);
  });

  it('requires a design document attachment (part 2)', () => {
    expect(codes(complete({ attachmentKinds: ['OTHER'] }))).toEqual(['DESIGN_DOCUMENT_MISSING']);
  });

  it('requires the level justification, and says so twice when the level is undetermined', () => {
    expect(codes(complete({ levelJustification: '' }))).toEqual(['LEVEL_JUSTIFICATION_MISSING']);
    expect(codes(complete({ levelJustification: '', levelUndetermined: true }))).toEqual([
      'LEVEL_JUSTIFICATION_MISSING',
      'LEVEL_UNDETERMINED',
    ]);
  });

  it('requires a risk assessment under ND331 only (Art. 10)', () => {
    const nd331 = { regime: 'ND331' as const, description: { ...contents, preliminaryRisks: 'Lộ lọt dữ liệu cá nhân' } };
    expect(codes(complete(nd331))).toEqual(['RISK_ASSESSMENT_MISSING']);
    expect(codes(complete({ ...nd331, attachmentKinds: ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT'] }))).toEqual([]);
  });

  it('lists each of the seven plan sections left empty, with its key', () => {
    const items = missingItems(complete({ planSections: { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x' } }));
    expect(items.map((m) => [m.code, m.ref])).toEqual([
      ['PLAN_SECTION_MISSING', 'dd'],
      ['PLAN_SECTION_MISSING', 'g'],
    ]);
  });

  it('lists every requirement with no answer, and incomplete answers by kind', () => {
    const items = missingItems(
      complete({
        planEntries: {
          R1: { status: 'IMPLEMENTED', description: ' ' },
          R2: { status: 'PLANNED', description: 'x' },
        },
      }),
    );
    expect(items.map((m) => [m.code, m.ref])).toEqual([
      ['PLAN_REQUIREMENT_DESCRIPTION_MISSING', 'R1'],
      ['PLAN_REQUIREMENT_DATE_MISSING', 'R2'],
      ['PLAN_REQUIREMENT_UNANSWERED', 'R3'],
    ]);
    expect(codes(complete({ planEntries: { ...complete().planEntries, R3: { status: 'NOT_APPLICABLE' } } }))).toEqual([
      'PLAN_REQUIREMENT_REASON_MISSING',
    ]);
  });

  it('TT12 Art. 9.7 / ND331 Art. 30.7: a missing internal regulation warns and does not hold the submission back', () => {
    const input = complete({ internalRegulation: { number: '12/QC', date: null } });
    expect(codes(input)).toEqual([]);
    expect(warningItems(input).map((w) => w.code)).toEqual(['INTERNAL_REGULATION_MISSING']);
    expect(warningItems(input)[0].message).toContain('trước khi hồ sơ được phê duyệt');
    expect(warningItems(complete())).toEqual([]);
  });

  it('requires the professional opinion for levels 4 and 5 only', () => {
    const l45 = { description: { ...contents, ...levelFourFive } };
    expect(codes(complete({ proposedLevel: 3 }))).toEqual([]);
    expect(codes(complete({ ...l45, proposedLevel: 4 }))).toEqual(['EXPERT_OPINION_MISSING']);
    expect(codes(complete({ ...l45, proposedLevel: 5, expertOpinion: { unit: 'Phòng An ninh mạng', summary: 'Nhất trí' } }))).toEqual([]);
    expect(codes(complete({ ...l45, proposedLevel: 4, attachmentKinds: ['DESIGN_DOCUMENT', 'EXPERT_OPINION'] }))).toEqual([]);
    expect(codes(complete({ ...l45, proposedLevel: 4, expertOpinion: { unit: 'Phòng An ninh mạng', summary: '' } }))).toEqual([
      'EXPERT_OPINION_MISSING',
    ]);
  });

  describe('the explanatory report contents (TT12 Art. 8; ND331 Art. 22)', () => {
    it('TT12 Art. 8.3.a–b / ND331 Art. 22.3.a–b: the owner and the operating unit with every detail', () => {
      const operator = { ...owner, id: 'op', name: 'Trung tâm Phục vụ hành chính công', phone: null, email: ' ' };
      const items = missingItems(complete({ owner: { ...owner, representativeTitle: null }, operator }));
      expect(items.map((m) => m.code)).toEqual(['OWNER_DETAILS_MISSING', 'OPERATOR_DETAILS_MISSING']);
      expect(items[0].message).toContain('chức vụ người đại diện');
      expect(items[1].message).toContain('Trung tâm Phục vụ hành chính công');
      expect(items[1].message).toContain('số điện thoại, thư điện tử');
      expect(items[1].message).toContain('khoản 3 Điều 22 Nghị định 331/2026/NĐ-CP');
    });

    it('an owner that runs its own system is asked once', () => {
      const bare = { ...owner, address: null };
      expect(codes(complete({ owner: bare, operator: bare }))).toEqual(['OWNER_DETAILS_MISSING']);
    });

    it.each(['ND85', 'ND331'] as const)(
      'TT12 Art. 8.3.d / ND331 Art. 22.3.d (%s): the architecture in its five parts, at every level',
      (regime) => {
        for (const level of [1, 2, 3]) {
          const input = complete({
            regime,
            proposedLevel: level,
            attachmentKinds: ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT'],
            description: { overview: 'x', scope: 'x', servedPopulation: 'x', preliminaryRisks: 'x', equipment: [], networkZones: [] },
          });
          expect(codes(input)).toEqual([
            'LOGICAL_MODEL_MISSING',
            'PHYSICAL_MODEL_MISSING',
            'EQUIPMENT_LIST_MISSING',
            'APPLICATION_LIST_MISSING',
            'NETWORK_ZONES_MISSING',
          ]);
        }
      },
    );

    it('ND331 Art. 22.4.c: every ND331 level identifies its main risks in outline; ND85 does not ask it', () => {
      const attachments = { attachmentKinds: ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT'] };
      for (const level of [1, 2, 3]) {
        expect(codes(complete({ ...attachments, regime: 'ND331', proposedLevel: level }))).toEqual(['PRELIMINARY_RISKS_MISSING']);
        expect(codes(complete({ ...attachments, regime: 'ND85', proposedLevel: level }))).toEqual([]);
      }
    });

    it.each(['ND85', 'ND331'] as const)('TT12 Art. 8.5 / ND331 Art. 22.5 (%s): levels 4–5 add four parts; level 3 does not', (regime) => {
      const base = {
        regime,
        attachmentKinds: ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT', 'EXPERT_OPINION'],
        description: { ...contents, preliminaryRisks: 'x' },
      };
      expect(codes(complete({ ...base, proposedLevel: 3 }))).toEqual([]);
      for (const level of [4, 5]) {
        const items = missingItems(complete({ ...base, proposedLevel: level }));
        expect(items.map((m) => m.code)).toEqual([
          'RELATED_SYSTEMS_MISSING',
          'THREATS_MISSING',
          'PUBLIC_IMPACT_MISSING',
          'CONTINUOUS_OPERATION_MISSING',
        ]);
        expect(items[0].message).toContain(
          regime === 'ND331' ? 'khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP' : 'khoản 5 Điều 8 Thông tư 12/2022/TT-BTTTT',
        );
        expect(codes(complete({ ...base, proposedLevel: level, description: { ...base.description, ...levelFourFive } }))).toEqual([]);
      }
    });

    it('ND331 Art. 22.5: a level 4–5 dossier without its risk report is told it must be the detailed one', () => {
      const input = complete({
        regime: 'ND331',
        proposedLevel: 4,
        attachmentKinds: ['DESIGN_DOCUMENT', 'EXPERT_OPINION'],
        description: { ...contents, ...levelFourFive, preliminaryRisks: 'x' },
      });
      const items = missingItems(input);
      expect(items.map((m) => m.code)).toEqual(['RISK_ASSESSMENT_MISSING']);
      expect(items[0].message).toContain('mức độ chi tiết (khoản 5 Điều 22');
    });

    it('ND85 Art. 15.2 / ND331 Art. 21.2: an approved construction design names its approval; a preliminary design need not', () => {
      expect(codes(complete({ designKind: 'PRELIMINARY' }))).toEqual([]);
      expect(codes(complete({ designKind: 'CONSTRUCTION' }))).toEqual(['DESIGN_APPROVAL_MISSING']);
      const approved = { ...contents, designDocument: { approvalNumber: '125/QĐ-UBND', approvalDate: '2024-03-15' } };
      expect(codes(complete({ designKind: 'CONSTRUCTION', description: approved }))).toEqual([]);
      const noDate = { ...contents, designDocument: { approvalNumber: '125/QĐ-UBND', approvalDate: null } };
      expect(codes(complete({ designKind: 'CONSTRUCTION', description: noDate }))).toEqual(['DESIGN_APPROVAL_MISSING']);
    });
  });
});
