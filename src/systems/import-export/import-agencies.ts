import { EntityManager } from 'typeorm';
import { AuthUser } from '../../auth/auth-user';
import { matchAgency, unmatchedAgencyMessage } from './agency-names';
import { RowInput } from './import-reading';
import { columnOf } from './system-columns';

const CELLS = [
  ['ownerAgencyCode', 'owner'],
  ['operatorAgencyCode', 'operator'],
] as const;

/**
 * Turns the agency names of a province's list into codes (issue 21), in place: a cell that is not a known code is
 * looked up by name among the agencies of the caller's province (all provinces for an administrator without one).
 * A name that matches no agency, or several, becomes the row's error with the closest codes to suggest.
 */
export async function resolveAgencyNames(em: EntityManager, user: AuthUser, inputs: RowInput[]): Promise<void> {
  const codes = [
    ...new Set(inputs.flatMap(({ parsed: { values } }) => CELLS.map(([field]) => values[field]).filter((c): c is string => !!c))),
  ];
  if (!codes.length) return;
  const known = new Set(
    ((await em.query(`SELECT code FROM agencies WHERE code = ANY($1)`, [codes])) as { code: string }[]).map((a) => a.code),
  );
  if (codes.every((code) => known.has(code))) return;
  const agencies: { code: string; name: string }[] = await em.query(
    `SELECT code, name FROM agencies WHERE $1::text IS NULL OR province_code = $1 ORDER BY code`,
    [user.provinceCode],
  );
  for (const { parsed, agencyTexts } of inputs) {
    for (const [field, cell] of CELLS) {
      const code = parsed.values[field];
      const text = agencyTexts[cell];
      if (!code || !text || known.has(code)) continue;
      const match = matchAgency(text, agencies);
      if ('code' in match) parsed.values[field] = match.code;
      else {
        delete parsed.values[field];
        parsed.errors.push({ column: columnOf(field).title, message: unmatchedAgencyMessage(text, match.suggestions) });
      }
    }
  }
}
