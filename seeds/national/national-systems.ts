import { ClassificationFacts, InfoType, SystemType } from '../../src/classification/rules/classification.types';
import { foldDiacritics, toNfc } from '../../src/common/text/vietnamese';
import { AgencyRow, DISTRICTS_ENDED, ProvinceBodies, STRUCTURE_FROM } from './national-agencies';
import { NationalRandom } from './national-random';

export type Lifecycle = 'PLANNED' | 'IN_OPERATION' | 'UPGRADING' | 'RETIRED';

export interface CustodyRow {
  ownerId: string;
  operatorId: string;
  validFrom: string;
  validTo: string | null;
}

export interface SystemRow {
  id: string;
  code: string;
  name: string;
  ownerId: string;
  operatorId: string;
  provinceCode: string;
  description: string;
  scope: string;
  servedPopulation: string;
  systemType: SystemType;
  infoTypes: InfoType[];
  lifecycle: Lifecycle;
  goLiveDate: string | null;
  hosting: 'OWN_PREMISES' | 'PROVINCIAL_DC' | 'RENTED_CLOUD' | null;
  internetFacing: boolean | null;
  connectsGovNetwork: boolean | null;
  userCount: number | null;
  basicPd: number | null;
  sensitivePd: number | null;
  components: { name: string }[];
  approvedLevel: number | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionIssuer: string | null;
  deploymentStatus: 'NOT_DEPLOYED' | 'PARTIAL' | 'FULL';
  regulationNumber: string | null;
  regulationDate: string | null;
  retiredAt: string | null;
  retirementReason: string | null;
  /** Registered in capdo on this instant (ms). */
  createdAt: number;
  updatedAt: number;
  version: number;
  custody: CustodyRow[];
  /** The answers a level dossier of this system gives (both regimes' fields; each rulebook reads its own). */
  facts: ClassificationFacts;
  /** Whether this system may get level dossiers at all (not state-secret, not retired). */
  dossierable: boolean;
  /** Sorting key for the owner's short name in templates. */
  ownerName: string;
}

interface Template {
  code: string;
  name: (owner: string) => string;
  type: SystemType;
  info: InfoType[];
  description: string;
  scope: string;
  served: string;
  facts: (random: NationalRandom) => ClassificationFacts;
}

const citizen =
  (publicServiceLevel: 'NONE' | 'LE2' | 'GE3', users: number, sensitive = 0, admin = false) =>
  (): ClassificationFacts => ({
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: sensitive || users > 0 ? ['PUBLIC', 'PERSONAL'] : ['PUBLIC'],
    publicServiceLevel,
    users,
    conditionalBusiness: false,
    handlesAdminProcedures: admin,
    basicPersonalDataSubjects: users,
    sensitivePersonalDataSubjects: sensitive,
  });

const CORE: Template[] = [
  {
    code: 'CONG-TTDT',
    name: (o) => `Cổng thông tin điện tử ${o}`,
    type: 'CITIZEN_BUSINESS',
    info: ['PUBLIC'],
    description: 'Cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp.',
    scope: 'Người dân, doanh nghiệp trong và ngoài tỉnh',
    served: 'Công chúng',
    facts: () => ({
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC'],
      publicServiceLevel: 'LE2',
      conditionalBusiness: false,
      handlesAdminProcedures: false,
    }),
  },
  {
    code: 'QLVB',
    name: (o) => `Hệ thống quản lý văn bản và điều hành ${o}`,
    type: 'INTERNAL',
    info: ['PRIVATE'],
    description: 'Quản lý văn bản đến, văn bản đi, hồ sơ công việc và ký số.',
    scope: 'Nội bộ cơ quan, liên thông văn bản trong tỉnh',
    served: 'Cán bộ, công chức, viên chức của cơ quan',
    facts: (r) => ({ systemType: 'INTERNAL', infoTypes: ['PRIVATE'], riskAssessedLevel: r.chance(0.8) ? 2 : 3 }),
  },
  {
    code: 'LAN',
    name: (o) => `Mạng nội bộ (LAN) ${o}`,
    type: 'INFRASTRUCTURE',
    info: ['PRIVATE'],
    description: 'Hạ tầng mạng nội bộ, kết nối mạng truyền số liệu chuyên dùng và Internet.',
    scope: 'Trụ sở cơ quan',
    served: 'Cán bộ, công chức của cơ quan',
    facts: () => ({ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SINGLE_ORG' }),
  },
  {
    code: 'THU-CV',
    name: (o) => `Hệ thống thư điện tử công vụ ${o}`,
    type: 'INTERNAL',
    info: ['PRIVATE', 'PERSONAL'],
    description: 'Thư điện tử công vụ cho cán bộ, công chức.',
    scope: 'Cán bộ, công chức của cơ quan',
    served: 'Cán bộ, công chức',
    facts: () => ({ systemType: 'INTERNAL', infoTypes: ['PRIVATE', 'PERSONAL'], riskAssessedLevel: 2 }),
  },
];

const COMMUNE: Template[] = [
  {
    code: 'MOT-CUA',
    name: (o) => `Hệ thống một cửa điện tử ${o}`,
    type: 'CITIZEN_BUSINESS',
    info: ['PUBLIC', 'PERSONAL'],
    description: 'Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính.',
    scope: 'Người dân, doanh nghiệp trên địa bàn',
    served: 'Người dân trên địa bàn',
    facts: (r) => citizen('GE3', r.pick([4000, 8000, 12000, 25000]), 0, true)(),
  },
  {
    code: 'HO-TICH',
    name: (o) => `Phần mềm đăng ký, quản lý hộ tịch ${o}`,
    type: 'CITIZEN_BUSINESS',
    info: ['PERSONAL'],
    description: 'Đăng ký khai sinh, kết hôn, khai tử; liên thông với Cơ sở dữ liệu hộ tịch điện tử.',
    scope: 'Người dân trên địa bàn',
    served: 'Người dân',
    facts: (r) => citizen('GE3', r.pick([5000, 9000, 15000]), 0, true)(),
  },
  {
    code: 'CAMERA',
    name: (o) => `Hệ thống camera giám sát an ninh, trật tự ${o}`,
    type: 'INFRASTRUCTURE',
    info: ['PERSONAL'],
    description: 'Camera giám sát tại các nút giao thông, trụ sở, nơi công cộng.',
    scope: 'Địa bàn xã, phường',
    served: 'Lực lượng công an, UBND',
    facts: () => ({ systemType: 'INFRASTRUCTURE', infoTypes: ['PERSONAL'], infrastructureScope: 'SINGLE_ORG' }),
  },
  {
    code: 'HNTH',
    name: (o) => `Hệ thống hội nghị truyền hình trực tuyến ${o}`,
    type: 'INFRASTRUCTURE',
    info: ['PRIVATE'],
    description: 'Điểm cầu họp trực tuyến kết nối với UBND tỉnh.',
    scope: 'Trụ sở UBND',
    served: 'Lãnh đạo, cán bộ',
    facts: () => ({ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SINGLE_ORG' }),
  },
  {
    code: 'KE-TOAN',
    name: (o) => `Phần mềm kế toán hành chính, sự nghiệp ${o}`,
    type: 'INTERNAL',
    info: ['PRIVATE'],
    description: 'Kế toán ngân sách xã, kết nối Kho bạc.',
    scope: 'Bộ phận tài chính - kế toán',
    served: 'Cán bộ tài chính',
    facts: () => ({ systemType: 'INTERNAL', infoTypes: ['PRIVATE'] }),
  },
  {
    code: 'TRANG-TT',
    name: (o) => `Trang thông tin điện tử ${o}`,
    type: 'CITIZEN_BUSINESS',
    info: ['PUBLIC'],
    description: 'Thông tin chỉ đạo, điều hành, thủ tục hành chính của xã.',
    scope: 'Người dân trên địa bàn',
    served: 'Công chúng',
    facts: () => ({
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC'],
      publicServiceLevel: 'LE2',
      conditionalBusiness: false,
      handlesAdminProcedures: false,
    }),
  },
  {
    code: 'WIFI',
    name: (o) => `Mạng Wi-Fi công cộng ${o}`,
    type: 'INFRASTRUCTURE',
    info: ['PUBLIC'],
    description: 'Wi-Fi miễn phí tại trụ sở và nơi công cộng.',
    scope: 'Trụ sở, nhà văn hóa',
    served: 'Người dân',
    facts: () => ({ systemType: 'INFRASTRUCTURE', infoTypes: ['PUBLIC'], infrastructureScope: 'SINGLE_ORG' }),
  },
  {
    code: 'DAT-DAI',
    name: (o) => `Phần mềm quản lý đất đai, địa chính ${o}`,
    type: 'INTERNAL',
    info: ['PRIVATE', 'PERSONAL'],
    description: 'Hồ sơ địa chính, biến động đất đai trên địa bàn.',
    scope: 'Địa bàn xã, phường',
    served: 'Cán bộ địa chính',
    facts: () => ({ systemType: 'INTERNAL', infoTypes: ['PRIVATE', 'PERSONAL'], riskAssessedLevel: 2 }),
  },
  {
    code: 'BAN-TIN',
    name: (o) => `Bản tin nội bộ điện tử ${o}`,
    type: 'INTERNAL',
    info: ['PUBLIC'],
    description: 'Thông báo, lịch công tác nội bộ.',
    scope: 'Nội bộ cơ quan',
    served: 'Cán bộ, công chức',
    facts: () => ({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'] }),
  },
  {
    code: 'TRUYEN-THANH',
    name: (o) => `Hệ thống truyền thanh thông minh ${o}`,
    type: 'OTHER',
    info: ['PUBLIC'],
    description: 'Loa truyền thanh ứng dụng công nghệ thông tin - viễn thông.',
    scope: 'Các thôn, bản, tổ dân phố',
    served: 'Người dân',
    facts: () => ({ systemType: 'OTHER', infoTypes: ['PUBLIC'] }),
  },
];

/** Sector systems by department or unit code suffix: what provinces actually run. */
const SECTOR_DOMAINS: Record<string, string[]> = {
  'VP-UBND': [
    'Cổng dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính',
    'Hệ thống thông tin báo cáo',
    'Trục liên thông văn bản',
    'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)',
    'Hệ thống phòng họp không giấy',
  ],
  TTR: ['Cơ sở dữ liệu thanh tra', 'Phần mềm quản lý khiếu nại, tố cáo', 'Hệ thống tiếp công dân'],
  'SO-NV': [
    'Cơ sở dữ liệu cán bộ, công chức, viên chức',
    'Phần mềm thi đua, khen thưởng',
    'Hệ thống lưu trữ điện tử',
    'Phần mềm thi tuyển công chức',
  ],
  'SO-TC': [
    'Hệ thống quản lý tài sản công',
    'Cơ sở dữ liệu giá',
    'Phần mềm quản lý ngân sách',
    'Hệ thống quản lý đầu tư công',
    'Hệ thống đăng ký doanh nghiệp',
  ],
  'SO-TP': [
    'Cơ sở dữ liệu hộ tịch điện tử',
    'Phần mềm quản lý lý lịch tư pháp',
    'Cơ sở dữ liệu công chứng, chứng thực',
    'Hệ thống đấu giá tài sản',
  ],
  'SO-CT': [
    'Hệ thống quản lý cửa hàng xăng dầu',
    'Cơ sở dữ liệu an toàn thực phẩm ngành công thương',
    'Hệ thống quản lý điện nông thôn',
    'Sàn giao dịch thương mại điện tử',
  ],
  'SO-NNMT': [
    'Cơ sở dữ liệu đất đai',
    'Hệ thống quan trắc môi trường tự động',
    'Hệ thống cảnh báo thiên tai',
    'Cơ sở dữ liệu tài nguyên nước',
    'Hệ thống truy xuất nguồn gốc nông sản',
    'Hệ thống giám sát thủy lợi',
  ],
  'SO-XD': [
    'Hệ thống cấp phép xây dựng',
    'Cơ sở dữ liệu nhà ở và thị trường bất động sản',
    'Hệ thống quản lý giao thông',
    'Phần mềm quản lý đăng kiểm phương tiện',
    'Hệ thống giám sát hành trình xe',
  ],
  'SO-KHCN': [
    'Trung tâm dữ liệu tỉnh',
    'Hệ thống giám sát an toàn thông tin (SOC)',
    'Mạng truyền số liệu chuyên dùng cấp II',
    'Nền tảng điện toán đám mây của tỉnh',
    'Hệ thống chứng thực chữ ký số',
  ],
  'SO-GDDT': [
    'Cơ sở dữ liệu ngành giáo dục',
    'Hệ thống tuyển sinh trực tuyến',
    'Phần mềm quản lý trường học',
    'Hệ thống học bạ số',
    'Hệ thống thi và quản lý văn bằng',
  ],
  'SO-YT': [
    'Hệ thống quản lý tiêm chủng',
    'Cơ sở dữ liệu y tế',
    'Hệ thống hồ sơ sức khỏe điện tử',
    'Phần mềm quản lý hành nghề y dược',
    'Hệ thống quản lý an toàn thực phẩm',
  ],
  'SO-VHTTDL': [
    'Cơ sở dữ liệu di sản văn hóa',
    'Cổng thông tin du lịch',
    'Hệ thống thư viện số',
    'Phần mềm quản lý thể thao thành tích cao',
  ],
  'SO-DTTG': ['Cơ sở dữ liệu công tác dân tộc', 'Phần mềm quản lý hoạt động tôn giáo'],
  'SO-NGV': ['Phần mềm quản lý đoàn ra, đoàn vào', 'Cơ sở dữ liệu người Việt Nam ở nước ngoài'],
  CA: [
    'Hệ thống quản lý cư trú',
    'Cơ sở dữ liệu xử lý vi phạm hành chính',
    'Hệ thống quản lý xuất nhập cảnh',
    'Hệ thống camera giám sát giao thông',
    'Hệ thống tiếp nhận tin báo tố giác tội phạm',
    'Mạng máy tính nội bộ công an tỉnh',
  ],
  'VP-TU': ['Hệ thống thông tin điều hành tác nghiệp của Đảng', 'Cơ sở dữ liệu đảng viên', 'Mạng thông tin diện rộng của Đảng'],
  UBND: [
    'Hệ thống thông tin chỉ đạo, điều hành (IOC)',
    'Hệ thống họp trực tuyến',
    'Kho dữ liệu dùng chung',
    'Hệ thống phản ánh hiện trường',
  ],
  'BV-DK': [
    'Hệ thống thông tin bệnh viện (HIS)',
    'Hệ thống lưu trữ và truyền tải hình ảnh (PACS)',
    'Hệ thống xét nghiệm (LIS)',
    'Bệnh án điện tử (EMR)',
  ],
  'BV-SN': ['Hệ thống thông tin bệnh viện (HIS)', 'Bệnh án điện tử (EMR)', 'Phần mềm đặt lịch khám'],
  CDC: ['Hệ thống giám sát dịch bệnh', 'Phần mềm quản lý tiêm chủng mở rộng'],
  'TT-CDS': ['Hệ thống giám sát an toàn thông tin (SOC)', 'Trung tâm dữ liệu tỉnh', 'Nền tảng bản đồ số dùng chung'],
  'VP-DKDD': ['Cơ sở dữ liệu địa chính', 'Hệ thống đăng ký đất đai trực tuyến'],
};
const GENERIC_DOMAINS = [
  'Phần mềm quản lý tài sản',
  'Phần mềm quản lý nhân sự',
  'Phần mềm kế toán',
  'Hệ thống lưu trữ hồ sơ điện tử',
  'Phần mềm quản lý dự án',
  'Hệ thống báo cáo thống kê',
  'Phần mềm quản lý công việc',
  'Hệ thống sao lưu dữ liệu',
  'Phần mềm quản lý tài liệu',
  'Phần mềm quản lý phương tiện',
];

const DOMAIN_WORDS = /(HIS|PACS|LIS|EMR|SOC|IOC|LGSP)/;

function sectorTemplate(domain: string, index: number, random: NationalRandom): Template {
  const lower = foldDiacritics(domain);
  const personal = /(ho tich|cu tru|benh|suc khoe|tiem chung|can bo|dang vien|ly lich|hoc ba|tuyen sinh|xuat nhap canh|dang ky)/.test(
    lower,
  );
  const citizenFacing = /(cong dich vu|truc tuyen|tuyen sinh|dang ky|dat lich|phan anh|cong thong tin|tiep nhan|thuong mai)/.test(lower);
  const infra = /(mang|trung tam du lieu|dam may|camera|giam sat hanh trinh|hop truc tuyen|sao luu)/.test(lower);
  const control = /(quan trac|thuy loi|canh bao)/.test(lower);
  const type: SystemType = control ? 'INDUSTRIAL_CONTROL' : infra ? 'INFRASTRUCTURE' : citizenFacing ? 'CITIZEN_BUSINESS' : 'INTERNAL';
  const publicOnly = /(bao cao thong ke|thu vien|di san)/.test(lower);
  const security = /(cu tru|vi pham hanh chinh|xuat nhap canh|to giac|cong an|dang vien|cua dang)/.test(lower);
  const info: InfoType[] = personal ? ['PRIVATE', 'PERSONAL'] : publicOnly ? ['PUBLIC'] : ['PRIVATE'];
  const shared = /(trung tam du lieu|dam may|chuyen dung|dien rong|soc|dung chung)/.test(lower);
  const sensitive = /(benh|suc khoe|tiem chung|xet nghiem|ly lich)/.test(lower);
  const facts = (r: NationalRandom): ClassificationFacts => {
    // Police and Party systems serve security: their harm if sabotaged sets levels 3–4 (ND85 Arts. 9–10).
    if (security)
      return { systemType: type, infoTypes: info, defenceSecuritySystem: true, nationalSecurityHarm: r.chance(0.7) ? 'HARM' : 'SERIOUS' };
    if (type === 'INDUSTRIAL_CONTROL') return { systemType: type, infoTypes: info, worksGrade: r.pick(['IV', 'III', 'II', 'I'] as const) };
    if (type === 'INFRASTRUCTURE')
      return { systemType: type, infoTypes: info, infrastructureScope: shared ? 'SHARED_REGIONAL' : 'SINGLE_ORG' };
    if (type === 'CITIZEN_BUSINESS') {
      const users = r.pick([3000, 20000, 80000, 300000]);
      return citizen(r.chance(0.7) ? 'GE3' : 'LE2', users, sensitive ? users : 0, /thu tuc|dang ky|tuyen sinh/.test(lower))();
    }
    if (publicOnly) return { systemType: type, infoTypes: info };
    return { systemType: type, infoTypes: sensitive ? ['PRIVATE', 'PERSONAL'] : info, riskAssessedLevel: r.chance(0.85) ? 2 : 3 };
  };
  void random;
  return {
    code: DOMAIN_WORDS.exec(domain)?.[1] ?? `UD-${String(index + 1).padStart(2, '0')}`,
    name: (o) => `${domain} ${o}`,
    type,
    info,
    description: `${domain}: nghiệp vụ chuyên ngành của cơ quan.`,
    scope: shared ? 'Toàn tỉnh' : 'Cơ quan và các đơn vị trực thuộc',
    served: citizenFacing ? 'Người dân, doanh nghiệp' : 'Cán bộ, công chức, viên chức',
    facts,
  };
}

/** "Sở Y tế tỉnh Sơn La" → "Sở Y tế"; a commune keeps its name without "UBND". */
function shortName(agency: AgencyRow): string {
  return agency.name.replace(/^UBND /, '').replace(/ (tỉnh|thành phố) .+$/, '');
}

function templatesFor(agency: AgencyRow, random: NationalRandom): Template[] {
  if (agency.kind === 'ward' || agency.kind === 'commune' || agency.kind === 'other') return [...CORE, ...COMMUNE];
  const suffix = agency.code.replace(/^[A-Z]+-/, '');
  const domains = [...(SECTOR_DOMAINS[suffix] ?? []), ...GENERIC_DOMAINS];
  return [...CORE, ...domains.map((d, i) => sectorTemplate(d, i, random))];
}

const WEIGHTS: Record<string, number> = {
  province_committee: 30,
  police: 30,
  party_body: 14,
  department: 26,
  public_unit: 16,
  ward: 9,
  commune: 8,
  other: 8,
};

/** Spreads `total` systems over the bodies by kind (a department runs more systems than a commune). */
export function systemCounts(provinces: ProvinceBodies[], total: number): Map<string, number> {
  const bodies = provinces.flatMap((p) => [...p.current, ...p.former]);
  const weightSum = bodies.reduce((sum, a) => sum + WEIGHTS[a.kind], 0);
  const counts = new Map<string, number>();
  let assigned = 0;
  let carry = 0;
  for (const a of bodies) {
    const exact = (total * WEIGHTS[a.kind]) / weightSum + carry;
    const n = Math.floor(exact);
    carry = exact - n;
    counts.set(a.id, n);
    assigned += n;
  }
  // Rounding leftovers go to the first bodies.
  for (let i = 0; assigned < total; i = (i + 1) % bodies.length, assigned++) counts.set(bodies[i].id, counts.get(bodies[i].id)! + 1);
  return counts;
}

const dayMs = 86_400_000;
const LAST_RETIREMENT = '2026-10-30';
export function dayOf(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
export function atVietnamTime(day: string, hour: number, minute: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000 + minute * 60_000;
}
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/**
 * The systems of every body, with custody: systems of a former district moved to its successor on 01/7/2025
 * (two custody periods); the others have one open period from the beginning of time, as the API records it.
 */
export function buildSystems(random: NationalRandom, provinces: ProvinceBodies[], total: number): SystemRow[] {
  const counts = systemCounts(provinces, total);
  const systems: SystemRow[] = [];
  const codesByOwner = new Map<string, Set<string>>();
  for (const p of provinces) {
    const successorOf = new Map(p.former.map((f) => [f.id, p.current.find((a) => a.id === f.successorId)!]));
    for (const body of [...p.current, ...p.former]) {
      const n = counts.get(body.id) ?? 0;
      if (n === 0) continue;
      const templates = templatesFor(body, random);
      const owner = successorOf.get(body.id) ?? body;
      const ownerShort = shortName(body);
      const usedCodes = codesByOwner.get(owner.id) ?? new Set<string>();
      codesByOwner.set(owner.id, usedCodes);
      // Bodies with fewer systems than templates still get a varied set, not everyone the same first few.
      const offset = random.int(0, templates.length - 1);
      for (let i = 0; i < n; i++) {
        const template = templates[(offset + i) % templates.length];
        const round = Math.floor(i / templates.length);
        let code = round === 0 ? template.code : `${template.code}-${round + 1}`;
        if (body !== owner) code = `${code}-${body.code.split('-').pop()}`;
        while (usedCodes.has(code)) code = `${code}B`;
        usedCodes.add(code);
        const name = toNfc(round === 0 ? template.name(ownerShort) : `${template.name(ownerShort)} (giai đoạn ${round + 1})`);
        systems.push(makeSystem(random, template, body, owner, p, code, name));
      }
    }
  }
  return systems;
}

function makeSystem(
  random: NationalRandom,
  t: Template,
  body: AgencyRow,
  owner: AgencyRow,
  p: ProvinceBodies,
  code: string,
  name: string,
): SystemRow {
  const secret = t.type === 'INTERNAL' && (body.kind === 'police' || body.kind === 'party_body') && random.chance(0.25);
  const lifecycle: Lifecycle = random.weighted({ IN_OPERATION: 80, PLANNED: 7, UPGRADING: 8, RETIRED: 5 });
  const infoTypes: InfoType[] = secret ? ['STATE_SECRET'] : t.info;
  const createdDay = plusDays(STRUCTURE_FROM, random.int(0, 170));
  const createdAt = atVietnamTime(createdDay, random.int(8, 16), random.int(0, 59));
  const regulation = random.chance(0.7);
  const users = t.type === 'CITIZEN_BUSINESS' ? random.pick([2000, 15000, 60000, 250000]) : random.int(10, 400);
  const personal = infoTypes.includes('PERSONAL');
  const operator = random.chance(0.12) && !secret ? (p.current.find((a) => a.code.endsWith('-TT-CDS')) ?? owner) : owner;
  const retiredDay = plusDays(createdDay, random.int(30, 400));
  const retiredAt = lifecycle === 'RETIRED' ? (retiredDay < LAST_RETIREMENT ? retiredDay : LAST_RETIREMENT) : null;
  const moved = body !== owner;
  return {
    id: random.uuid(),
    code,
    name,
    ownerId: owner.id,
    operatorId: operator.id,
    provinceCode: p.code,
    description: t.description,
    scope: t.scope,
    servedPopulation: t.served,
    systemType: t.type,
    infoTypes,
    lifecycle,
    goLiveDate: lifecycle === 'PLANNED' ? null : `${random.int(2012, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
    hosting: secret ? null : random.weighted({ PROVINCIAL_DC: 55, OWN_PREMISES: 35, RENTED_CLOUD: 10 }),
    internetFacing: secret ? null : t.type === 'CITIZEN_BUSINESS' || random.chance(0.5),
    connectsGovNetwork: secret ? null : random.chance(0.7),
    userCount: secret ? null : users,
    basicPd: personal ? users : null,
    sensitivePd: personal ? 0 : null,
    components: [],
    approvedLevel: null,
    decisionNumber: null,
    decisionDate: null,
    decisionIssuer: null,
    deploymentStatus: random.weighted({ NOT_DEPLOYED: 30, PARTIAL: 45, FULL: 25 }),
    regulationNumber: regulation ? `${random.int(1, 99)}/QC-${code.slice(0, 8)}` : null,
    regulationDate: regulation ? `${random.int(2019, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-15` : null,
    retiredAt,
    retirementReason: retiredAt ? 'Thay thế bằng hệ thống dùng chung của tỉnh.' : null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    custody: moved
      ? [
          { ownerId: body.id, operatorId: body.id, validFrom: '-infinity', validTo: DISTRICTS_ENDED },
          { ownerId: owner.id, operatorId: operator.id, validFrom: STRUCTURE_FROM, validTo: null },
        ]
      : [{ ownerId: owner.id, operatorId: operator.id, validFrom: '-infinity', validTo: null }],
    facts: secret ? { systemType: t.type, infoTypes } : t.facts(random),
    dossierable: !secret && lifecycle !== 'RETIRED',
    ownerName: owner.name,
  };
}

/** Search text exactly as the application stores it. */
export function systemSearchText(s: SystemRow): string {
  return foldDiacritics(`${s.name} ${s.code}`);
}
