/**
 * Plausible information systems of each kind of Sơn La body, for the demo data: what provinces actually run
 * (portal, document management and e-office, one-stop shop, e-mail, LAN/WAN, sector systems).
 */
export interface DemoSystem {
  system: Record<string, unknown>;
  /** Classification facts for the level dossier (both regimes' fields: each rulebook ignores the other's). */
  facts: Record<string, unknown>;
  justification: string;
  /** The system the body's demo dossier is about. */
  dossier?: boolean;
}

interface AgencyRef {
  code: string;
  name: string;
  kind: string;
}

const REGULATION = { internalRegulationNumber: '01/QC-ATTT', internalRegulationDate: '2025-05-15' };

function short(name: string): string {
  return name.replace(/^UBND /, '').replace(/^Ủy ban nhân dân /, '');
}

const portal = (a: AgencyRef): DemoSystem => ({
  system: {
    code: 'CONG-TTDT',
    name: `Cổng thông tin điện tử ${short(a.name)}`,
    description: 'Cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp.',
    scope: 'Người dân, doanh nghiệp trong và ngoài tỉnh',
    servedPopulation: 'Công chúng',
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2019-03-01',
    hosting: 'PROVINCIAL_DC',
    internetFacing: true,
    connectsGovNetwork: true,
    ...REGULATION,
  },
  facts: {
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC'],
    publicServiceLevel: 'LE2',
    conditionalBusiness: false,
    handlesAdminProcedures: false,
  },
  justification: 'Hệ thống cung cấp thông tin công khai, không xử lý thông tin riêng hay dữ liệu cá nhân.',
});

const documents = (a: AgencyRef, dossier = false): DemoSystem => ({
  system: {
    code: 'QLVB',
    name: `Hệ thống quản lý văn bản và điều hành ${short(a.name)}`,
    description: 'Quản lý văn bản đến, văn bản đi, hồ sơ công việc và ký số.',
    scope: 'Nội bộ cơ quan, liên thông văn bản với các cơ quan trong tỉnh',
    servedPopulation: 'Cán bộ, công chức, viên chức của cơ quan',
    systemType: 'INTERNAL',
    infoTypes: ['PRIVATE'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2020-01-02',
    hosting: 'PROVINCIAL_DC',
    internetFacing: true,
    connectsGovNetwork: true,
    userCount: 120,
    ...REGULATION,
  },
  facts: { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], riskAssessedLevel: 2 },
  justification: 'Hệ thống phục vụ hoạt động nội bộ, xử lý thông tin riêng, không có bí mật nhà nước (Khoản 1 Điều 8).',
  dossier,
});

const lan = (a: AgencyRef): DemoSystem => ({
  system: {
    code: 'LAN',
    name: `Mạng nội bộ (LAN) ${short(a.name)}`,
    description: 'Hạ tầng mạng nội bộ, kết nối mạng truyền số liệu chuyên dùng và Internet.',
    scope: 'Trụ sở cơ quan',
    servedPopulation: 'Cán bộ, công chức của cơ quan',
    systemType: 'INFRASTRUCTURE',
    infoTypes: ['PRIVATE'],
    lifecycle: 'IN_OPERATION',
    hosting: 'OWN_PREMISES',
    internetFacing: true,
    connectsGovNetwork: true,
  },
  facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SINGLE_ORG' },
  justification: 'Hạ tầng thông tin phục vụ một cơ quan (Khoản 3 Điều 8).',
});

const oneStop = (a: AgencyRef): DemoSystem => ({
  system: {
    code: 'MOT-CUA',
    name: `Hệ thống một cửa điện tử ${short(a.name)}`,
    description: 'Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính.',
    scope: 'Người dân, doanh nghiệp trên địa bàn',
    servedPopulation: 'Khoảng 12.000 người dân',
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC', 'PERSONAL'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2025-07-01',
    hosting: 'PROVINCIAL_DC',
    internetFacing: true,
    connectsGovNetwork: true,
    userCount: 12000,
    basicPersonalDataSubjects: 12000,
    sensitivePersonalDataSubjects: 0,
    ...REGULATION,
  },
  facts: {
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC', 'PERSONAL'],
    publicServiceLevel: 'GE3',
    users: 12000,
    conditionalBusiness: false,
    handlesAdminProcedures: true,
    basicPersonalDataSubjects: 12000,
    sensitivePersonalDataSubjects: 0,
    riskAssessedLevel: 2,
  },
  justification: 'Hệ thống giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến toàn trình.',
  dossier: true,
});

const SECTOR: Record<string, DemoSystem> = {
  'SL-BV-DKT': {
    system: {
      code: 'HIS',
      name: 'Hệ thống thông tin bệnh viện (HIS) Bệnh viện Đa khoa tỉnh',
      description: 'Quản lý khám chữa bệnh, bệnh án, viện phí, kết nối bảo hiểm y tế.',
      scope: 'Toàn bệnh viện, 550 giường',
      servedPopulation: 'Người bệnh trong tỉnh',
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PERSONAL', 'PRIVATE'],
      lifecycle: 'IN_OPERATION',
      goLiveDate: '2018-06-01',
      hosting: 'OWN_PREMISES',
      internetFacing: true,
      connectsGovNetwork: false,
      userCount: 250000,
      basicPersonalDataSubjects: 250000,
      sensitivePersonalDataSubjects: 250000,
      ...REGULATION,
    },
    facts: {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PERSONAL', 'PRIVATE'],
      publicServiceLevel: 'NONE',
      users: 250000,
      conditionalBusiness: false,
      handlesAdminProcedures: false,
      basicPersonalDataSubjects: 250000,
      sensitivePersonalDataSubjects: 250000,
    },
    justification: 'Hệ thống xử lý dữ liệu sức khỏe của trên 10.000 người.',
    dossier: true,
  },
  'SL-VP-UBND': {
    system: {
      code: 'TTHC',
      name: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La',
      description: 'Cổng dịch vụ công và hệ thống một cửa điện tử dùng chung của tỉnh.',
      scope: 'Toàn tỉnh, các sở, ngành và 75 xã, phường',
      servedPopulation: 'Người dân, doanh nghiệp',
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      lifecycle: 'IN_OPERATION',
      goLiveDate: '2021-01-01',
      hosting: 'PROVINCIAL_DC',
      internetFacing: true,
      connectsGovNetwork: true,
      userCount: 400000,
      basicPersonalDataSubjects: 400000,
      sensitivePersonalDataSubjects: 0,
      ...REGULATION,
    },
    facts: {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      publicServiceLevel: 'GE3',
      users: 400000,
      conditionalBusiness: false,
      handlesAdminProcedures: true,
      basicPersonalDataSubjects: 400000,
      sensitivePersonalDataSubjects: 0,
    },
    justification: 'Hệ thống giải quyết thủ tục hành chính dùng chung toàn tỉnh.',
    dossier: true,
  },
};

/**
 * The provincial data centre, run by Sở Khoa học và Công nghệ since it took over the former Sở Thông tin và Truyền
 * thông (03/2025): an infrastructure serving the province's bodies (level 3, ND331 Art. 13.3) that its risk assessment
 * puts at level 4 (Art. 10.5). Its dossier is the demo's level-4 one, under Decree 331.
 */
const dataCentre = (): DemoSystem => ({
  system: {
    code: 'TTDL',
    name: 'Trung tâm dữ liệu tỉnh Sơn La',
    description: 'Hạ tầng máy chủ, lưu trữ và mạng dùng chung, nơi đặt các hệ thống thông tin của các sở, ngành và UBND xã, phường.',
    scope: 'Các cơ quan nhà nước trên địa bàn tỉnh',
    servedPopulation: 'Các sở, ban, ngành và 75 xã, phường',
    systemType: 'INFRASTRUCTURE',
    infoTypes: ['PRIVATE'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2022-10-01',
    hosting: 'OWN_PREMISES',
    internetFacing: true,
    connectsGovNetwork: true,
    ...REGULATION,
  },
  facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SHARED_REGIONAL', riskAssessedLevel: 4 },
  justification:
    'Hạ tầng thông tin dùng chung của các cơ quan trong tỉnh (Khoản 3 Điều 13); kết quả đánh giá rủi ro an ninh mạng tương ứng cấp độ 4 nên đề xuất cấp độ 4 (Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP).',
});

/**
 * The province's integration and data-sharing platform (LGSP), also run by Sở Khoa học và Công nghệ: it connects the
 * bodies' systems with each other and with the national platform (ND331 Art. 9.2.c, 13.3); its risk assessment also
 * puts it at level 4 (Art. 10.5).
 */
const integrationPlatform = (): DemoSystem => ({
  system: {
    code: 'LGSP',
    name: 'Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Sơn La (LGSP)',
    description: 'Kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin của tỉnh và với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia.',
    scope: 'Các hệ thống thông tin dùng chung và chuyên ngành của tỉnh',
    servedPopulation: 'Các sở, ban, ngành và 75 xã, phường',
    systemType: 'INFRASTRUCTURE',
    infoTypes: ['PRIVATE', 'PERSONAL'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2021-06-01',
    hosting: 'PROVINCIAL_DC',
    internetFacing: true,
    connectsGovNetwork: true,
    ...REGULATION,
  },
  facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE', 'PERSONAL'], infrastructureScope: 'SHARED_REGIONAL', riskAssessedLevel: 4 },
  justification:
    'Hệ thống kết nối liên thông các hệ thống thông tin của các cơ quan trong tỉnh (Khoản 3 Điều 13); kết quả đánh giá rủi ro an ninh mạng tương ứng cấp độ 4 nên đề xuất cấp độ 4 (Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP).',
});

/** The systems of one body: a portal and documents for provincial bodies, a one-stop shop for communes and wards. */
export function demoSystemsFor(agency: AgencyRef): DemoSystem[] {
  const sector = SECTOR[agency.code];
  if (agency.kind === 'ward' || agency.kind === 'commune') return [portal(agency), oneStop(agency), documents(agency)];
  if (sector) return [sector, documents(agency), lan(agency)];
  if (agency.kind === 'public_unit') return [portal(agency), documents(agency, true)];
  if (agency.code === 'SL-SO-KHCN') return [portal(agency), documents(agency, true), lan(agency), dataCentre(), integrationPlatform()];
  return [portal(agency), documents(agency, true), lan(agency)];
}
