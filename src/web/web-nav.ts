import { readsOwnAgencyOnly } from '../access/access-rules';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';

export interface NavItem {
  href: string;
  label: string;
  active: boolean;
}

const ITEMS: { href: string; label: string; show: (u: AuthUser) => boolean }[] = [
  // An agency's desk: its officers and its heads (who read the same systems and dossiers).
  { href: '/', label: 'Trang chủ', show: (u) => readsOwnAgencyOnly(u) },
  { href: '/tham-dinh', label: 'Hồ sơ cần thẩm định', show: (u) => roleHas(u.role, 'dossier:appraise') },
  // The owner's leadership decides what its officers and the appraisers sent up (ND331 Art. 18.2–18.3, 20.3).
  { href: '/cho-quyet-dinh', label: 'Hồ sơ chờ quyết định', show: (u) => u.role === 'AGENCY_HEAD' },
  { href: '/he-thong', label: 'Hệ thống thông tin', show: () => true },
  { href: '/ho-so', label: 'Hồ sơ cấp độ', show: () => true },
  // After approval (ND85 Arts. 20–22, ND331 Arts. 28–33): the plan carried out, inspections, incidents, re-determination.
  { href: '/sau-phe-duyet', label: 'Sau phê duyệt', show: () => true },
  { href: '/bao-cao', label: 'Báo cáo', show: (u) => u.role !== 'AGENCY_OFFICER' },
  { href: '/quan-tri', label: 'Quản trị', show: (u) => u.role === 'ADMIN' },
  // An agency's head manages its own officers' accounts (issue 22); administrators reach them under Quản trị.
  { href: '/quan-tri/nguoi-dung', label: 'Tài khoản cán bộ', show: (u) => u.role === 'AGENCY_HEAD' },
];

/** The menu for the user's role; the current section is marked for aria-current. */
export function navFor(user: AuthUser | undefined, path: string): NavItem[] {
  if (!user) return [];
  return ITEMS.filter((item) => item.show(user)).map((item) => ({
    href: item.href,
    label: item.label,
    active: item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`),
  }));
}
