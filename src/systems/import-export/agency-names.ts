/**
 * A province's list names agencies ("UBND xã Đoàn Kết", "Sở Xây dựng tỉnh Sơn La") where capdo's template has codes
 * (issue 21). A cell is a code when it is one; otherwise its name is compared with the catalogue's names without
 * diacritics, case or punctuation ("Ủy ban nhân dân" = "UBND"; "tỉnh Sơn La" at the end may be left out). One match
 * gives the code; none gives the closest names to suggest. Pure.
 */
import { foldDiacritics } from '../../common/text/vietnamese';

export interface AgencyName {
  code: string;
  name: string;
}

export type AgencyMatch = { code: string } | { suggestions: AgencyName[] };

/** The ways a name may be written for the same agency, compared as keys. */
function nameKeys(text: string): string[] {
  const key = foldDiacritics(text)
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const withoutProvince = key.replace(/ tinh( [a-z ]+)?$/, '').trim();
  return withoutProvince && withoutProvince !== key ? [key, withoutProvince] : [key];
}

/** How alike two names are: shared words over all words (Dice), on their shorter forms. */
function likeness(a: string, b: string): number {
  const wa = new Set(nameKeys(a).at(-1)!.split(' '));
  const wb = new Set(nameKeys(b).at(-1)!.split(' '));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return (2 * shared) / (wa.size + wb.size);
}

/** The agency a cell names, by code or by name; otherwise up to three close names to suggest. */
export function matchAgency(text: string, agencies: readonly AgencyName[]): AgencyMatch {
  const code = text.trim().toUpperCase();
  if (agencies.some((a) => a.code === code)) return { code };
  const keys = new Set(nameKeys(text));
  const byName = agencies.filter((a) => nameKeys(a.name).some((k) => keys.has(k)));
  if (byName.length === 1) return { code: byName[0].code };
  const pool = byName.length ? byName : agencies;
  const suggestions = pool
    .map((agency) => ({ agency, score: likeness(text, agency.name) }))
    .filter(({ score }) => score >= 0.5)
    .sort((a, b) => b.score - a.score || a.agency.code.localeCompare(b.agency.code))
    .slice(0, 3)
    .map(({ agency }) => agency);
  return { suggestions };
}

/** The refusal for a name capdo could not place, with the codes it might mean. */
export function unmatchedAgencyMessage(text: string, suggestions: AgencyName[]): string {
  // A cell written as a code keeps the template's message; a name says it was looked up by name too.
  const base = /^[A-Za-z0-9._-]+$/.test(text.trim())
    ? `không có cơ quan mã ${text.trim().toUpperCase()}`
    : `không có cơ quan "${text}" (mã hoặc tên)`;
  if (/^[A-Za-z0-9._-]+$/.test(text.trim()) && !suggestions.length) return base;
  if (!suggestions.length) return `${base}; xem mã ở trang "Danh mục cơ quan"`;
  return `${base}; có phải: ${suggestions.map((s) => `${s.code} (${s.name})`).join(', ')}?`;
}
