/**
 * Vietnamese names for the national benchmark dataset: the 34 provincial-level units in force since 01/7/2025
 * (Resolution 202/2025/QH15), the departments a province has after the 2025 reorganisation, typical public units,
 * commune and ward names built from common place-name syllables, and the systems bodies actually run.
 */
export interface ProvinceName {
  code: string;
  /** "tỉnh Sơn La", "thành phố Hà Nội". */
  name: string;
  city: boolean;
  /** Relative size (number of communes and wards), drives how many bodies the province gets. */
  weight: number;
}

export const PROVINCES: readonly ProvinceName[] = [
  { code: 'HN', name: 'Hà Nội', city: true, weight: 126 },
  { code: 'HUE', name: 'Huế', city: true, weight: 40 },
  { code: 'LCH', name: 'Lai Châu', city: false, weight: 38 },
  { code: 'DB', name: 'Điện Biên', city: false, weight: 45 },
  { code: 'SL', name: 'Sơn La', city: false, weight: 75 },
  { code: 'LS', name: 'Lạng Sơn', city: false, weight: 65 },
  { code: 'QNI', name: 'Quảng Ninh', city: false, weight: 54 },
  { code: 'TH', name: 'Thanh Hóa', city: false, weight: 166 },
  { code: 'NA', name: 'Nghệ An', city: false, weight: 130 },
  { code: 'HT', name: 'Hà Tĩnh', city: false, weight: 69 },
  { code: 'CB', name: 'Cao Bằng', city: false, weight: 56 },
  { code: 'TQ', name: 'Tuyên Quang', city: false, weight: 124 },
  { code: 'LC', name: 'Lào Cai', city: false, weight: 99 },
  { code: 'TN', name: 'Thái Nguyên', city: false, weight: 92 },
  { code: 'PT', name: 'Phú Thọ', city: false, weight: 148 },
  { code: 'BN', name: 'Bắc Ninh', city: false, weight: 99 },
  { code: 'HY', name: 'Hưng Yên', city: false, weight: 104 },
  { code: 'HP', name: 'Hải Phòng', city: true, weight: 114 },
  { code: 'NB', name: 'Ninh Bình', city: false, weight: 129 },
  { code: 'QT', name: 'Quảng Trị', city: false, weight: 78 },
  { code: 'DN', name: 'Đà Nẵng', city: true, weight: 94 },
  { code: 'QNG', name: 'Quảng Ngãi', city: false, weight: 96 },
  { code: 'GL', name: 'Gia Lai', city: false, weight: 135 },
  { code: 'KH', name: 'Khánh Hòa', city: false, weight: 65 },
  { code: 'LD', name: 'Lâm Đồng', city: false, weight: 124 },
  { code: 'DL', name: 'Đắk Lắk', city: false, weight: 102 },
  { code: 'HCM', name: 'Hồ Chí Minh', city: true, weight: 168 },
  { code: 'DNA', name: 'Đồng Nai', city: false, weight: 95 },
  { code: 'TNI', name: 'Tây Ninh', city: false, weight: 96 },
  { code: 'CT', name: 'Cần Thơ', city: true, weight: 103 },
  { code: 'VL', name: 'Vĩnh Long', city: false, weight: 124 },
  { code: 'DT', name: 'Đồng Tháp', city: false, weight: 102 },
  { code: 'CM', name: 'Cà Mau', city: false, weight: 64 },
  { code: 'AG', name: 'An Giang', city: false, weight: 102 },
];

export function provinceTitle(p: ProvinceName): string {
  return `${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`;
}

/** Specialised agencies of a provincial People's Committee after the 2025 reorganisation. */
export const DEPARTMENTS: readonly { code: string; name: string }[] = [
  { code: 'VP-UBND', name: 'Văn phòng UBND' },
  { code: 'TTR', name: 'Thanh tra' },
  { code: 'SO-NV', name: 'Sở Nội vụ' },
  { code: 'SO-TC', name: 'Sở Tài chính' },
  { code: 'SO-TP', name: 'Sở Tư pháp' },
  { code: 'SO-CT', name: 'Sở Công Thương' },
  { code: 'SO-NNMT', name: 'Sở Nông nghiệp và Môi trường' },
  { code: 'SO-XD', name: 'Sở Xây dựng' },
  { code: 'SO-KHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SO-YT', name: 'Sở Y tế' },
  { code: 'SO-VHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'SO-DTTG', name: 'Sở Dân tộc và Tôn giáo' },
  { code: 'SO-NGV', name: 'Sở Ngoại vụ' },
];

/** Public service units; `parent` is a department code (or the committee when absent). */
export const PUBLIC_UNITS: readonly { code: string; name: string; parent?: string }[] = [
  { code: 'BQL-KCN', name: 'Ban Quản lý các khu công nghiệp' },
  { code: 'TT-XTDT', name: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch' },
  { code: 'TT-PVHCC', name: 'Trung tâm Phục vụ hành chính công', parent: 'VP-UBND' },
  { code: 'BV-DK', name: 'Bệnh viện Đa khoa', parent: 'SO-YT' },
  { code: 'CDC', name: 'Trung tâm Kiểm soát bệnh tật', parent: 'SO-YT' },
  { code: 'BV-SN', name: 'Bệnh viện Sản Nhi', parent: 'SO-YT' },
  { code: 'TT-CDS', name: 'Trung tâm Chuyển đổi số', parent: 'SO-KHCN' },
  { code: 'DAI-PTTH', name: 'Báo và Phát thanh, Truyền hình' },
  { code: 'QUY-DTPT', name: 'Quỹ Đầu tư phát triển', parent: 'SO-TC' },
  { code: 'VP-DKDD', name: 'Văn phòng Đăng ký đất đai', parent: 'SO-NNMT' },
  { code: 'CD-NGHE', name: 'Trường Cao đẳng Kỹ thuật', parent: 'SO-GDDT' },
  { code: 'BQLDA-XD', name: 'Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp' },
];

const PLACE_SYLLABLES = [
  'An',
  'Bình',
  'Phú',
  'Hòa',
  'Tân',
  'Thạnh',
  'Long',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Hưng',
  'Thịnh',
  'Phước',
  'Lộc',
  'Mỹ',
  'Vĩnh',
  'Quảng',
  'Thuận',
  'Đức',
  'Hiệp',
  'Trung',
  'Xuân',
  'Thanh',
  'Sơn',
  'Hải',
  'Cẩm',
  'Kim',
  'Ngọc',
  'Yên',
  'Hồng',
  'Quang',
  'Minh',
  'Tiến',
  'Hợp',
  'Định',
  'Lạc',
  'Hà',
  'Lương',
  'Châu',
  'Gia',
  'Khánh',
  'Nghĩa',
  'Tường',
  'Vạn',
  'Cát',
  'Điền',
  'Thủy',
  'Lâm',
  'Hội',
  'Thọ',
  'Liên',
  'Đạo',
  'Việt',
  'Dương',
  'Triệu',
  'Kiến',
  'Thắng',
  'Tú',
  'Mường',
  'Chiềng',
  'Nậm',
  'Sìn',
  'Tà',
  'Pá',
  'Bản',
  'Na',
  'Ea',
  'Krông',
  'Đắk',
  'Ia',
  'Cư',
  'Sa',
  'Bảo',
  'Ninh',
  'Phong',
  'Đồng',
  'Lập',
];

/** A two-syllable place name ("Chiềng Sinh", "Tân Phước"); the caller makes it unique in the province. */
export function placeName(pick: <T>(items: readonly T[]) => T): string {
  const first = pick(PLACE_SYLLABLES);
  let second = pick(PLACE_SYLLABLES);
  while (second === first) second = pick(PLACE_SYLLABLES);
  return `${first} ${second}`;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lò', 'Cầm', 'Quàng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Hữu', 'Thanh', 'Ngọc', 'Quốc', 'Hải'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Tuấn',
  'Việt',
  'Yến',
];

export function personName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
}
