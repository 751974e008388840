import {
  CATALOGUES,
  CatalogueNotAvailableError,
  DEFAULT_CATALOGUE_ID,
  catalogueForRegime,
  findCatalogue,
  groupsFor,
  listRequirements,
} from './catalogue-registry';
import type { Requirement, RequirementPart, SecurityLevel, TechnicalGroup } from './requirement.types';

/** Counts of numbered items in Circular 12/2022 Appendices I–V (Công báo 705 + 706), LEGAL-BRIEF §5.2. */
const EXPECTED: Record<
  SecurityLevel,
  { management: number; zones: number; solutions: number; configuration: Record<TechnicalGroup, number> }
> = {
  1: { management: 15, zones: 3, solutions: 3, configuration: { NETWORK: 4, SERVER: 5, APPLICATION: 3, DATA: 1 } },
  2: { management: 18, zones: 5, solutions: 6, configuration: { NETWORK: 5, SERVER: 6, APPLICATION: 4, DATA: 2 } },
  3: { management: 22, zones: 7, solutions: 16, configuration: { NETWORK: 6, SERVER: 6, APPLICATION: 6, DATA: 3 } },
  4: { management: 22, zones: 8, solutions: 17, configuration: { NETWORK: 6, SERVER: 6, APPLICATION: 6, DATA: 3 } },
  5: { management: 22, zones: 8, solutions: 19, configuration: { NETWORK: 6, SERVER: 6, APPLICATION: 6, DATA: 3 } },
};

const LEVELS: SecurityLevel[] = [1, 2, 3, 4, 5];
const APPENDIX = ['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Phụ lục IV', 'Phụ lục V'];
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

const byPart = (items: readonly Requirement[], part: RequirementPart) => items.filter((r) => r.part === part);
const management = (level: SecurityLevel) => listRequirements(level).filter((r) => r.kind === 'MANAGEMENT');
const titles = (items: readonly Requirement[]) => items.map((r) => r.title);
const added = (lower: readonly Requirement[], higher: readonly Requirement[]) => titles(higher).filter((t) => !titles(lower).includes(t));

describe('TT12-2022 catalogue: counts per level match Appendices I–V', () => {
  describe.each(LEVELS)('level %i', (level) => {
    const items = listRequirements(level);
    const expected = EXPECTED[level];

    it('has the management items of Part I', () => {
      expect(management(level)).toHaveLength(expected.management);
    });

    it('has the mandatory network zones of Part II.1.a', () => {
      expect(byPart(items, 'DESIGN_ZONES')).toHaveLength(expected.zones);
    });

    it('has the design solution items of Part II.1.b', () => {
      expect(byPart(items, 'DESIGN_SOLUTIONS')).toHaveLength(expected.solutions);
    });

    it('has the configuration items of Part II.2 per group (network / server / application / data)', () => {
      const config = byPart(items, 'CONFIGURATION');
      const perGroup = { NETWORK: 0, SERVER: 0, APPLICATION: 0, DATA: 0 };
      for (const r of config) perGroup[r.group as TechnicalGroup] += 1;
      expect(perGroup).toEqual(expected.configuration);
    });

    it('has nothing outside those parts', () => {
      const configTotal = Object.values(expected.configuration).reduce((a, b) => a + b, 0);
      expect(items).toHaveLength(expected.management + expected.zones + expected.solutions + configTotal);
    });

    it('lists items in appendix order: management, zones, design solutions, configuration', () => {
      const rank = (r: Requirement) =>
        r.kind === 'MANAGEMENT' ? 0 : r.part === 'DESIGN_ZONES' ? 1 : r.part === 'DESIGN_SOLUTIONS' ? 2 : 3;
      const ranks = items.map(rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // Within the two tables, STT numbers ascend as printed (1.1.1, 1.1.2 … 1.7).
      for (const table of [management(level), byPart(items, 'CONFIGURATION')]) {
        const stts = table.map((r) => r.ref.replace(/^(I|II\.2)\./, ''));
        const numeric = (stt: string) => stt.split('.').map(Number);
        const sorted = [...stts].sort((a, b) => {
          const [x, y] = [numeric(a), numeric(b)];
          for (let i = 0; i < Math.max(x.length, y.length); i++) {
            const d = (x[i] ?? 0) - (y[i] ?? 0);
            if (d !== 0) return d;
          }
          return 0;
        });
        expect(stts).toEqual(sorted);
      }
    });
  });
});

describe('TT12-2022 catalogue: codes', () => {
  it.each(LEVELS)('level %i: codes are unique and follow TT12.L<level>.<QL|TK|CH>.<appendix number>', (level) => {
    const codes = listRequirements(level).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const pattern = new RegExp(`^TT12\\.L${level}\\.(QL\\.1\\.[1-7](\\.[1-9])?|TK\\.[ab]\\.[ivx]+|CH\\.1\\.[1-4]\\.[1-9])$`);
    for (const code of codes) expect(code).toMatch(pattern);
  });

  it('codes are derived from the appendix numbering, so they are the same on every run', () => {
    const l3 = listRequirements(3);
    const byCode = (code: string) => l3.find((r) => r.code === code);
    expect(byCode('TT12.L3.QL.1.5.4')?.title).toBe('Quản lý an toàn thiết bị đầu cuối');
    expect(byCode('TT12.L3.QL.1.6')?.group).toBe('RISK_PLAN');
    expect(byCode('TT12.L3.TK.a.vii')?.title).toBe('Vùng quản trị');
    expect(byCode('TT12.L3.TK.b.xvi')?.title).toBe('Có phương án bảo đảm an toàn cho mạng không dây (nếu có)');
    expect(byCode('TT12.L3.CH.1.3.5')).toMatchObject({ title: 'Chống chối bỏ', tcvnClause: '7.2.3.5' });
    expect(listRequirements(5).find((r) => r.code === 'TT12.L5.TK.b.xviii')?.title).toContain('30 km');
  });

  it('the same subject keeps its own appendix number at each level (1.5.4 is incident management at level 2)', () => {
    expect(listRequirements(2).find((r) => r.code === 'TT12.L2.QL.1.5.4')?.title).toBe('Quản lý sự cố an toàn thông tin');
  });
});

describe('TT12-2022 catalogue: wording and TCVN 11930:2017 mapping', () => {
  describe.each(LEVELS)('level %i', (level) => {
    const items = listRequirements(level);

    it('every item has a Vietnamese title, NFC, trimmed, without list punctuation or broken spacing', () => {
      for (const r of items) {
        expect(r.title).toMatch(VIETNAMESE_LETTER);
        expect(r.title).toBe(r.title.normalize('NFC'));
        expect(r.title).toBe(r.title.trim());
        expect(r.title).not.toMatch(/[;.]$/);
        expect(r.title).not.toMatch(/\s{2,}/);
        expect(r.groupName).toMatch(VIETNAMESE_LETTER);
      }
    });

    it('every item names its appendix and level', () => {
      for (const r of items) {
        expect(r.level).toBe(level);
        expect(r.appendix).toBe(APPENDIX[level - 1]);
      }
    });

    it('mapped clauses start with the level clause (5..9), then 1 for management and 2 for technical', () => {
      for (const r of items.filter((i) => i.tcvnClause !== null)) {
        const [root, kind] = (r.tcvnClause as string).split('.').map(Number);
        expect(root).toBe(level + 4);
        expect(kind).toBe(r.kind === 'MANAGEMENT' ? 1 : 2);
      }
    });

    it('mapped clauses sit under their group heading clause and are unique', () => {
      const headings = new Map(groupsFor(level).map((g) => [g.group, g.tcvnClause]));
      const clauses: string[] = [];
      for (const r of items.filter((i) => i.tcvnClause !== null)) {
        const clause = r.tcvnClause as string;
        expect(clause.startsWith(`${headings.get(r.group)}.`)).toBe(true);
        clauses.push(clause);
      }
      expect(new Set(clauses).size).toBe(clauses.length);
    });

    it('only the two plan items and the design part have no clause, as in the Gazette', () => {
      const unmapped = items.filter((r) => r.tcvnClause === null);
      const expectedUnmapped = items.filter(
        (r) => r.group === 'RISK_PLAN' || r.group === 'DECOMMISSION_PLAN' || r.part === 'DESIGN_ZONES' || r.part === 'DESIGN_SOLUTIONS',
      );
      expect(unmapped).toEqual(expectedUnmapped);
      expect(unmapped).toHaveLength(2 + EXPECTED[level].zones + EXPECTED[level].solutions);
    });

    it('technical items carry a part, management items do not', () => {
      for (const r of items) {
        if (r.kind === 'TECHNICAL') expect(r.part).toBeDefined();
        else expect(r.part).toBeUndefined();
      }
    });
  });
});

describe('TT12-2022 catalogue: what each level adds', () => {
  it('level 2 adds outsourced software development, incident management and end-user security', () => {
    expect(added(management(1), management(2)).sort()).toEqual(
      ['Phát triển phần mềm thuê khoán', 'Quản lý sự cố an toàn thông tin', 'Quản lý an toàn người sử dụng đầu cuối'].sort(),
    );
  });

  it('level 2 adds the internal-server and wireless zones, WAF, e-mail security and core-device redundancy', () => {
    expect(added(byPart(listRequirements(1), 'DESIGN_ZONES'), byPart(listRequirements(2), 'DESIGN_ZONES'))).toEqual([
      'Vùng máy chủ nội bộ',
      'Vùng mạng không dây (nếu có) tách riêng, độc lập với các vùng mạng khác',
    ]);
    const solutions = titles(byPart(listRequirements(2), 'DESIGN_SOLUTIONS')).join('\n');
    expect(solutions).toContain('Tường lửa ứng dụng web');
    expect(solutions).toContain('thư điện tử');
    expect(solutions).toContain('thiết bị chuyển mạch trung tâm');
  });

  it('level 3 adds endpoint, anti-malware management, monitoring and vulnerability management', () => {
    expect(added(management(2), management(3)).sort()).toEqual(
      [
        'Quản lý an toàn thiết bị đầu cuối',
        'Quản lý phòng chống phần mềm độc hại',
        'Quản lý giám sát an toàn hệ thống thông tin',
        'Quản lý điểm yếu an toàn thông tin',
      ].sort(),
    );
  });

  it('level 3 adds the database-server and management zones and the SIEM, DLP and DDoS plans', () => {
    expect(added(byPart(listRequirements(2), 'DESIGN_ZONES'), byPart(listRequirements(3), 'DESIGN_ZONES'))).toEqual([
      'Vùng mạng máy chủ cơ sở dữ liệu',
      'Vùng quản trị',
    ]);
    const solutions = titles(byPart(listRequirements(3), 'DESIGN_SOLUTIONS')).join('\n');
    expect(solutions).toContain('Quản lý và phân tích sự kiện an toàn thông tin');
    expect(solutions).toContain('Phòng, chống thất thoát dữ liệu');
    expect(solutions).toContain('tấn công từ chối dịch vụ');
  });

  it('level 3 configuration adds secure communication, non-repudiation and data integrity', () => {
    const config = (level: SecurityLevel) => byPart(listRequirements(level), 'CONFIGURATION');
    expect(added(config(2), config(3)).sort()).toEqual(
      ['Bảo mật thông tin liên lạc', 'Chống chối bỏ', 'Nguyên vẹn dữ liệu', 'Phòng chống phần mềm độc hại trên môi trường mạng'].sort(),
    );
  });

  it('level 4 keeps the level-3 management list and adds privileged access management and a device-management zone', () => {
    expect(titles(management(4))).toEqual(titles(management(3)));
    const pam = (level: SecurityLevel) =>
      byPart(listRequirements(level), 'DESIGN_SOLUTIONS').filter((r) => r.title.includes('tài khoản đặc quyền'));
    expect(pam(3)).toHaveLength(0);
    expect(pam(4)).toHaveLength(1);
    expect(added(byPart(listRequirements(3), 'DESIGN_ZONES'), byPart(listRequirements(4), 'DESIGN_ZONES'))).toEqual([
      'Vùng quản trị thiết bị hệ thống',
    ]);
  });

  it('level 5 adds a backup site at least 30 km away and redundant primary–backup links', () => {
    const solutions = (level: SecurityLevel) => titles(byPart(listRequirements(level), 'DESIGN_SOLUTIONS'));
    expect(solutions(4).filter((t) => t.includes('30 km'))).toHaveLength(0);
    expect(solutions(5).filter((t) => t.includes('cách nhau tối thiểu 30 km'))).toHaveLength(1);
    expect(solutions(5)).toContain('Có phương án dự phòng cho kết nối mạng giữa các hệ thống chính và dự phòng');
    expect(titles(management(5))).toEqual(titles(management(4)));
  });

  it('every level keeps all configuration subjects of the level below', () => {
    const config = (level: SecurityLevel) => titles(byPart(listRequirements(level), 'CONFIGURATION'));
    for (const level of [2, 3, 4, 5] as SecurityLevel[]) {
      expect(config(level)).toEqual(expect.arrayContaining(config((level - 1) as SecurityLevel)));
    }
  });
});

describe('listRequirements', () => {
  it.each([0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects level %p with a RangeError', (level) => {
    expect(() => listRequirements(level)).toThrow(RangeError);
  });

  it('uses TT12-2022 by default', () => {
    expect(DEFAULT_CATALOGUE_ID).toBe('TT12-2022');
    expect(listRequirements(3)).toBe(listRequirements(3, 'TT12-2022'));
  });

  it('rejects unknown and planned catalogues instead of returning an empty list', () => {
    expect(() => listRequirements(3, 'NO-SUCH')).toThrow(CatalogueNotAvailableError);
    expect(() => listRequirements(3, 'TCVN-14423-2026')).toThrow(CatalogueNotAvailableError);
    expect(() => listRequirements(3, 'TCVN-14423-2026')).toThrow(/chưa có dữ liệu/);
  });

  it('returns a frozen list that callers cannot corrupt for others', () => {
    const items = listRequirements(1);
    expect(Object.isFrozen(items)).toBe(true);
    expect(Object.isFrozen(items[0])).toBe(true);
  });
});

describe('catalogue registry', () => {
  it('holds TT12-2022 with its metadata', () => {
    const catalogue = findCatalogue('TT12-2022');
    expect(catalogue).toMatchObject({
      id: 'TT12-2022',
      standard: 'TCVN 11930:2017',
      effectiveFrom: '2022-10-01',
      levels: [1, 2, 3, 4, 5],
    });
    expect(catalogue?.title).toMatch(VIETNAMESE_LETTER);
    expect(catalogue?.legalBasis).toContain('12/2022/TT-BTTTT');
  });

  it('lists TCVN 14423:2025 and TCVN 14423:2026 as planned, with no requirement data', () => {
    const planned = CATALOGUES.filter((c) => c.status === 'planned').map((c) => c.id);
    expect(planned).toEqual(['TCVN-14423-2025', 'TCVN-14423-2026']);
    expect(findCatalogue('TCVN-14423-2025')).toBeUndefined();
    expect(findCatalogue('TCVN-14423-2026')).toBeUndefined();
  });

  it.each(['ND85', 'ND331'] as const)('uses TT12-2022 for regime %s', (regime) => {
    expect(catalogueForRegime(regime).id).toBe('TT12-2022');
  });
});

describe('groupsFor', () => {
  it.each(LEVELS)('level %i: all eleven groups in Art. 9.3–9.4 order, counts adding up', (level) => {
    const groups = groupsFor(level);
    expect(groups.map((g) => g.group)).toEqual([
      'POLICY',
      'ORGANISATION',
      'HUMAN_RESOURCES',
      'DESIGN_BUILD',
      'OPERATION',
      'RISK_PLAN',
      'DECOMMISSION_PLAN',
      'NETWORK',
      'SERVER',
      'APPLICATION',
      'DATA',
    ]);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(listRequirements(level).length);
    for (const g of groups.filter((x) => x.kind === 'TECHNICAL')) {
      expect(g.countByPart?.CONFIGURATION).toBe(EXPECTED[level].configuration[g.group as TechnicalGroup]);
    }
  });

  it('level 3 operation group has nine items under clause 7.1.5 and network has all seven zones', () => {
    const groups = groupsFor(3);
    expect(groups.find((g) => g.group === 'OPERATION')).toMatchObject({
      groupName: 'Quản lý vận hành hệ thống',
      tcvnClause: '7.1.5',
      count: 9,
    });
    expect(groups.find((g) => g.group === 'RISK_PLAN')).toMatchObject({ tcvnClause: null, count: 1 });
    expect(groups.find((g) => g.group === 'NETWORK')?.countByPart).toMatchObject({
      DESIGN_ZONES: 7,
      CONFIGURATION: 6,
    });
  });

  it('rejects levels outside 1..5', () => {
    expect(() => groupsFor(0)).toThrow(RangeError);
  });
});
