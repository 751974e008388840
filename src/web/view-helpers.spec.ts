import { forPeople } from './form-input';
import { formatDate, formatDateTime, formatPercent, lines, parseDate, query } from './view-helpers';

describe('Vietnamese dates on the pages', () => {
  it('shows calendar dates and timestamps as dd/mm/yyyy, timestamps in Vietnam time', () => {
    expect(formatDate('2026-01-06')).toBe('06/01/2026');
    expect(formatDate('2026-02-14T20:30:00.000Z')).toBe('15/02/2026');
    expect(formatDateTime('2026-02-14T20:30:00.000Z')).toBe('15/02/2026 03:30');
    expect(formatDate(null)).toBe('');
  });

  it('reads what an officer types and refuses days that do not exist', () => {
    expect(parseDate('15/02/2026')).toEqual({ ok: true, value: '2026-02-15' });
    expect(parseDate(' 1/7/2025 ')).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseDate('')).toEqual({ ok: true, value: undefined });
    expect(parseDate('30/02/2026')).toMatchObject({ ok: false });
    expect(parseDate('2026-02-15')).toMatchObject({ ok: false, message: expect.stringContaining('ngày/tháng/năm') });
  });
});

describe('other view helpers', () => {
  it('formats rates with a Vietnamese decimal comma', () => {
    expect(formatPercent(52.63)).toBe('52,6%');
    expect(formatPercent(null)).toBe('—');
  });

  it('splits a list typed one item per line', () => {
    expect(lines('Bổ sung sơ đồ mạng\r\n\n  Bổ sung quy chế  ')).toEqual(['Bổ sung sơ đồ mạng', 'Bổ sung quy chế']);
  });

  it('builds query strings from defined values only', () => {
    expect(query({ page: 2, q: '', status: undefined })).toBe('?page=2');
    expect(query({})).toBe('');
  });
});

describe('field messages on the pages', () => {
  it('names the fix instead of the API codes, and never shows validator English', () => {
    expect(forPeople('giá trị không hợp lệ; cho phép: INTERNAL, CITIZEN_BUSINESS')).toBe('hãy chọn một trong các lựa chọn');
    expect(forPeople('infoTypes must contain at least 1 elements')).toBe('hãy chọn ít nhất một mục');
    expect(forPeople('each value in tiers must be one of the following values: A, B')).toBe('giá trị không hợp lệ');
    expect(forPeople('không được để trống')).toBe('không được để trống');
  });
});
