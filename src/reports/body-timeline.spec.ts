import {
  byName,
  claimsOn,
  dayNumber,
  figuresIndex,
  mergePlacements,
  placements,
  progressOn,
  subtreeOn,
  TimelineBody,
  TimelineFigures,
} from './body-timeline';

const figures = (systems: number, submitted: string | null = null, approved: string | null = null): TimelineFigures => ({
  firstSubmittedOn: submitted,
  firstApprovedOn: approved,
  systems,
  operating: systems,
  approved: approved ? 1 : 0,
  levels: [0, approved ? 1 : 0, 0, 0, 0],
});

function body(
  id: string,
  name: string,
  timeline: [string, TimelineFigures][],
  extra: Partial<Pick<TimelineBody, 'validFrom' | 'validTo' | 'versions' | 'provinceCode'>> = {},
): TimelineBody {
  return {
    id,
    code: id.toUpperCase(),
    kind: 'department',
    provinceCode: extra.provinceCode ?? 'SL',
    validFrom: extra.validFrom ?? dayNumber('2020-01-01'),
    validTo: extra.validTo ?? Infinity,
    versions: extra.versions ?? [{ name, parentId: null, validFrom: dayNumber('2020-01-01'), validTo: Infinity }],
    days: timeline.map(([day]) => dayNumber(day)),
    figures: timeline.map(([, f]) => f),
  };
}

describe('dayNumber', () => {
  it("reads PostgreSQL's text for a date, its infinities and a missing end, in the order of the days", () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-01-06') - dayNumber('2025-12-31')).toBe(6);
    expect(dayNumber('-infinity')).toBe(-Infinity);
    expect(dayNumber('infinity')).toBe(Infinity);
    expect(dayNumber(null)).toBe(Infinity);
  });
});

describe('figuresIndex: the timeline row in force on a day', () => {
  const b = body('a', 'Sở A', [
    ['-infinity', figures(1)],
    ['2025-07-01', figures(2, '2025-07-01')],
    ['2025-09-15', figures(3, '2025-07-01', '2025-09-15')],
  ]);
  it.each([
    ['2020-01-01', 0],
    ['2025-06-30', 0],
    ['2025-07-01', 1],
    ['2025-09-14', 1],
    ['2025-09-15', 2],
    ['2030-01-01', 2],
  ])('on %s: row %d (a row holds from its day until the next)', (day, index) => {
    expect(figuresIndex(b, dayNumber(day))).toBe(index);
  });
  it('before the first row: none (-1), and the report shows zeros', () => {
    const late = body('b', 'Sở B', [['2025-07-01', figures(4)]]);
    expect(figuresIndex(late, dayNumber('2025-06-30'))).toBe(-1);
    expect(progressOn(placements([late]), '2025-06-30')[0]).toMatchObject({
      systems: 0,
      firstSubmittedOn: null,
      approvedByLevel: { '2': 0 },
    });
  });
});

describe('progressOn: the rows of a day (what agencyProgress answers)', () => {
  it('leaves out bodies that did not exist that day (created later, merged or dissolved before)', () => {
    const created = body('new', 'Sở mới', [], { validFrom: dayNumber('2025-07-01') });
    const ended = body('old', 'Sở cũ', [], { validTo: dayNumber('2025-06-30') });
    const order = placements([created, ended]);
    expect(progressOn(order, '2025-06-30').map((r) => r.id)).toEqual(['old']);
    expect(progressOn(order, '2025-07-01').map((r) => r.id)).toEqual(['new']);
  });

  it('names a body by its version in force that day, and places it by that name (a renamed body moves in the order)', () => {
    const renamed = body('r', '', [], {
      versions: [
        { name: 'Sở Thông tin và Truyền thông', parentId: null, validFrom: dayNumber('2020-01-01'), validTo: dayNumber('2025-02-28') },
        { name: 'Sở Khoa học và Công nghệ', parentId: null, validFrom: dayNumber('2025-03-01'), validTo: Infinity },
      ],
    });
    const other = body('o', 'Sở Nội vụ', []);
    const order = placements([renamed, other]);
    expect(progressOn(order, '2025-02-28').map((r) => r.name)).toEqual(['Sở Nội vụ', 'Sở Thông tin và Truyền thông']);
    expect(progressOn(order, '2025-03-01').map((r) => r.name)).toEqual(['Sở Khoa học và Công nghệ', 'Sở Nội vụ']);
  });

  it('gives the figures in force that day, mapped as the report reads them', () => {
    const b = body('a', 'Sở A', [['2025-01-01', figures(5, '2025-01-01', '2025-02-01')]]);
    expect(progressOn(placements([b]), '2025-03-01')).toEqual([
      {
        id: 'a',
        code: 'A',
        name: 'Sở A',
        kind: 'department',
        provinceCode: 'SL',
        firstSubmittedOn: '2025-01-01',
        firstApprovedOn: '2025-02-01',
        systems: 5,
        operatingSystems: 5,
        approvedSystems: 1,
        approvedByLevel: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 0 },
      },
    ]);
  });

  it('makes a row once per timeline row: another day in the same period gives the same (unchanged) object', () => {
    const order = placements([
      body('a', 'Sở A', [
        ['2025-01-01', figures(5)],
        ['2025-06-01', figures(6)],
      ]),
    ]);
    const [first] = progressOn(order, '2025-02-01');
    expect(progressOn(order, '2025-05-31')[0]).toBe(first);
    expect(progressOn(order, '2025-06-01')[0]).not.toBe(first);
    expect(progressOn(order, '2025-06-01')[0].systems).toBe(6);
  });

  it('keeps only the subtree asked for: the root and the bodies under it through the parents in force that day', () => {
    const day = dayNumber('2025-01-01');
    const root = body('root', 'UBND huyện', []);
    const child = body('child', 'Phòng Văn hóa', [], {
      versions: [{ name: 'Phòng Văn hóa', parentId: 'root', validFrom: day, validTo: Infinity }],
    });
    const grandchild = body('grand', 'Trường Tiểu học', [], {
      versions: [{ name: 'Trường Tiểu học', parentId: 'child', validFrom: day, validTo: Infinity }],
    });
    const moved = body('moved', 'Trạm Y tế', [], {
      versions: [
        { name: 'Trạm Y tế', parentId: 'root', validFrom: day, validTo: dayNumber('2025-06-30') },
        { name: 'Trạm Y tế', parentId: null, validFrom: dayNumber('2025-07-01'), validTo: Infinity },
      ],
    });
    const bodies = [root, child, grandchild, moved];
    expect([...subtreeOn(bodies, 'root', '2025-06-30')].sort()).toEqual(['child', 'grand', 'moved', 'root']);
    expect([...subtreeOn(bodies, 'root', '2025-07-01')].sort()).toEqual(['child', 'grand', 'root']);
    expect(progressOn(placements(bodies), '2025-07-01', subtreeOn(bodies, 'child', '2025-07-01')).map((r) => r.id)).toEqual([
      'child',
      'grand',
    ]);
  });
});

describe("the report's order", () => {
  it('sorts names in Vietnamese collation (Đ after D, tones after the bare letter), then codes', () => {
    const names = ['Sở Y tế', 'Ban Dân tộc', 'Đài Phát thanh', 'Ban Quản lý', 'Cục Thuế', 'Bảo hiểm xã hội', 'Dự án'];
    expect(
      [...names]
        .map((name, i) => ({ name, code: String(i) }))
        .sort(byName)
        .map((r) => r.name),
    ).toEqual(['Ban Dân tộc', 'Ban Quản lý', 'Bảo hiểm xã hội', 'Cục Thuế', 'Dự án', 'Đài Phát thanh', 'Sở Y tế']);
    expect(
      [
        { name: 'Sở A', code: 'B' },
        { name: 'Sở A', code: 'A' },
      ]
        .sort(byName)
        .map((r) => r.code),
    ).toEqual(['A', 'B']);
  });

  it("merges the provinces' orders into the country's", () => {
    const sl = placements([body('s1', 'Sở Y tế', []), body('s2', 'Ban Dân tộc', [])]);
    const hn = placements([body('h1', 'Cục Thuế', [], { provinceCode: 'HN' }), body('h2', 'Đài Phát thanh', [], { provinceCode: 'HN' })]);
    expect(progressOn(mergePlacements([sl, hn]), '2025-01-01').map((r) => r.name)).toEqual([
      'Ban Dân tộc',
      'Cục Thuế',
      'Đài Phát thanh',
      'Sở Y tế',
    ]);
  });

  it('counts a pending claim for its owner from the day it was made until the day before its system is retired', () => {
    const claim = (ownerId: string, claimed: string, retired: string | null = null) => ({
      ownerId,
      provinceCode: 'SL',
      claimedOn: dayNumber(claimed),
      retiredOn: dayNumber(retired),
    });
    const sl = [claim('a', '2025-03-10'), claim('a', '2025-03-12', '2025-03-14'), claim('b', '2025-03-11')];
    const hn = [claim('c', '2025-03-01', '2025-03-01')];
    const on = (day: string) => Object.fromEntries(claimsOn([sl, hn], day));
    expect(on('2025-03-09')).toEqual({});
    expect(on('2025-03-10')).toEqual({ a: 1 });
    expect(on('2025-03-12')).toEqual({ a: 2, b: 1 });
    expect(on('2025-03-13')).toEqual({ a: 2, b: 1 });
    // Retired on the 14th: "retired_at > the day" no longer holds that day.
    expect(on('2025-03-14')).toEqual({ a: 1, b: 1 });
    expect(claimsOn([hn], '2025-03-01').size).toBe(0);
  });
});
