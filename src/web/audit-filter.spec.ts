import { auditQueryFromFilter } from './audit-filter';

describe('audit log filter', () => {
  it('trims and caps the filters at 40 characters, blanks as no filter, 50 a page', () => {
    expect(auditQueryFromFilter(' agency ', 'x'.repeat(60), '3')).toEqual({
      entityType: 'agency',
      action: 'x'.repeat(40),
      page: 3,
      pageSize: 50,
    });
    expect(auditQueryFromFilter('  ', undefined, undefined)).toEqual({ entityType: undefined, action: undefined, page: 1, pageSize: 50 });
  });

  it('starts at page 1 for a page that is not a positive number', () => {
    expect(auditQueryFromFilter(undefined, undefined, '-2').page).toBe(1);
    expect(auditQueryFromFilter(undefined, undefined, 'abc').page).toBe(1);
  });
});
