/**
 * The leadership of each Sơn La demo body: its AGENCY_HEAD account, and how its decisions read (the title of its
 * head and the abbreviation in its decision numbers, e.g. "15/QĐ-SXD" of Sở Xây dựng, "15/QĐ-UBND" of a commune's
 * People's Committee). The signers' names are made up.
 */
export interface DemoBody {
  code: string;
  name: string;
  kind: string;
}

export interface DecisionStyle {
  /** What follows "QĐ-" in the body's decision numbers. */
  abbreviation: string;
  /** The title of the body's head, as it signs. */
  signerTitle: string;
  signerName: string;
}

export function demoHeadUsername(agencyCode: string): string {
  return `thutruong.${agencyCode.toLowerCase()}`;
}

export function demoHeadFullName(agencyName: string): string {
  return `Lãnh đạo ${agencyName}`;
}

/** Bodies whose style the kind and code do not give. */
const SPECIAL: Record<string, Omit<DecisionStyle, 'signerName'>> = {
  'SL-UBND': { abbreviation: 'UBND', signerTitle: 'Chủ tịch UBND tỉnh' },
  'SL-VP-UBND': { abbreviation: 'VPUB', signerTitle: 'Chánh Văn phòng UBND tỉnh' },
  'SL-TTR': { abbreviation: 'TTr', signerTitle: 'Chánh Thanh tra tỉnh' },
  'SL-BQL-KCN': { abbreviation: 'BQL', signerTitle: 'Trưởng ban Ban Quản lý các khu công nghiệp tỉnh' },
  'SL-TT-XTDT': { abbreviation: 'TTXT', signerTitle: 'Giám đốc Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch' },
  'SL-BV-DKT': { abbreviation: 'BVĐK', signerTitle: 'Giám đốc Bệnh viện Đa khoa tỉnh' },
  'SL-CA': { abbreviation: 'CAT', signerTitle: 'Giám đốc Công an tỉnh' },
  'SL-VP-TU': { abbreviation: 'VPTU', signerTitle: 'Chánh Văn phòng Tỉnh ủy' },
};

const MEN = {
  middle: ['Văn', 'Đức', 'Minh', 'Quang', 'Xuân'],
  given: ['Hùng', 'Tuấn', 'Dũng', 'Thắng', 'Sơn', 'Bình', 'Quân', 'Hải', 'Thành'],
};
const WOMEN = { middle: ['Thị', 'Thu', 'Hồng'], given: ['Lan', 'Hương', 'Hà', 'Thảo', 'Mai', 'Hoa', 'Yến'] };
const SURNAMES = ['Nguyễn', 'Lò', 'Cầm', 'Trần', 'Lường', 'Hoàng', 'Quàng', 'Lê', 'Phạm', 'Vì', 'Đinh', 'Bùi'];

/** A name that is always the same for the same body (a small hash of its code). */
function signerName(code: string): string {
  let h = 7;
  for (const c of code) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const pool = h % 4 === 0 ? WOMEN : MEN;
  return [SURNAMES[h % SURNAMES.length], pool.middle[(h >>> 3) % pool.middle.length], pool.given[(h >>> 7) % pool.given.length]].join(' ');
}

/** How the body's head signs its decisions. */
export function decisionStyle(body: DemoBody): DecisionStyle {
  const name = signerName(body.code);
  const special = SPECIAL[body.code];
  if (special) return { ...special, signerName: name };
  // A commune's or ward's People's Committee: "Chủ tịch UBND xã Quỳnh Nhai", decisions "…/QĐ-UBND".
  if (body.kind === 'ward' || body.kind === 'commune')
    return { abbreviation: 'UBND', signerTitle: `Chủ tịch ${body.name}`, signerName: name };
  // A department: "Giám đốc Sở Xây dựng", decisions "…/QĐ-SXD" (the code's letters after SL-SO-).
  const sector = body.code.replace(/^SL-SO-/, '');
  return { abbreviation: `S${sector}`, signerTitle: `Giám đốc ${body.name}`, signerName: name };
}
