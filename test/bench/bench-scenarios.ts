import autocannon from 'autocannon';
import { BenchFixtures } from './bench-fixtures';
import { cycling } from './measure';

/** Ten diacritic-free searches, as officials type them. */
export const SEARCH_TERMS = [
  'quan ly van ban',
  'mot cua',
  'cong thong tin',
  'camera giam sat',
  'ho tich',
  'ke toan',
  'mang noi bo',
  'co so du lieu',
  'benh vien',
  'hoi nghi truyen hinh',
];

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Who asks: the administrator and each province's leader. */
export interface BenchTokens {
  admin: string;
  leaders: Map<string, string>;
}

/** GET /dossiers/:id as administrator, over a spread of dossiers of every status. */
export function dossierRequest(fixtures: BenchFixtures, tokens: BenchTokens): autocannon.Request {
  const next = cycling(fixtures.dossiers);
  return { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/dossiers/${next()}`, headers: auth(tokens.admin) }) };
}

/** A province's systems in operation matching a search, by that province's leader (each province and term in turn). */
export function provinceSystemsRequest(fixtures: BenchFixtures, tokens: BenchTokens): autocannon.Request {
  const next = cycling(fixtures.provinces.flatMap((p) => SEARCH_TERMS.map((t) => ({ p, t }))));
  return {
    method: 'GET',
    setupRequest: (r) => {
      const { p, t } = next();
      return {
        ...r,
        path: `/api/v1/systems?q=${encodeURIComponent(t)}&lifecycle=IN_OPERATION&pageSize=50`,
        headers: auth(tokens.leaders.get(p)!),
      };
    },
  };
}

/** The country's systems of one type matching a search, as administrator. */
export function nationalSystemsRequest(tokens: BenchTokens): autocannon.Request {
  const next = cycling(SEARCH_TERMS.map((t, i) => ({ t, type: ['CITIZEN_BUSINESS', 'INTERNAL', 'INFRASTRUCTURE'][i % 3] })));
  return {
    method: 'GET',
    setupRequest: (r) => {
      const { t, type } = next();
      return { ...r, path: `/api/v1/systems?q=${encodeURIComponent(t)}&systemType=${type}&pageSize=50`, headers: auth(tokens.admin) };
    },
  };
}

/** A province's approval-rate report as of `day`, by its leader (each province in turn): the report cache answers after the first. */
export function provinceReportRequest(fixtures: BenchFixtures, tokens: BenchTokens, day: string): autocannon.Request {
  const next = cycling(fixtures.provinces);
  return {
    method: 'GET',
    setupRequest: (r) => ({ ...r, path: `/api/v1/reports/approval-rate?asOf=${day}`, headers: auth(tokens.leaders.get(next())!) }),
  };
}

/** The national approval-rate report as of `day`, as administrator. */
export function nationalReportRequest(tokens: BenchTokens, day: string): autocannon.Request {
  return { method: 'GET', path: `/api/v1/reports/approval-rate?asOf=${day}&scope=national`, headers: auth(tokens.admin) };
}
