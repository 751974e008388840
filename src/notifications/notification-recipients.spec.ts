import { recipientCondition } from './notification-recipients';

const AGENCY = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

describe('recipientCondition', () => {
  it('selects nobody when no user, agency or role is named', () => {
    expect(recipientCondition({}, 'u', 1)).toBeNull();
    expect(recipientCondition({ userIds: [], roles: [] }, 'u', 1)).toBeNull();
  });

  it("selects the appraisers of one agency, numbering parameters after the caller's own", () => {
    expect(recipientCondition({ agencyId: AGENCY, roles: ['APPRAISER'] }, 'u', 6)).toEqual({
      sql: 'u.active AND ((u.agency_id = $6::uuid AND u.role = ANY($7::varchar[])))',
      params: [AGENCY, ['APPRAISER']],
    });
  });

  it('treats an empty role list as every role of the agency', () => {
    expect(recipientCondition({ agencyId: AGENCY, roles: [] }, 'u', 1)).toEqual({
      sql: 'u.active AND ((u.agency_id = $1::uuid))',
      params: [AGENCY],
    });
  });

  it('selects every holder of a role province-wide when no agency is given', () => {
    expect(recipientCondition({ roles: ['ADMIN', 'ADMIN'] }, 'x', 1)).toEqual({
      sql: 'x.active AND ((x.role = ANY($1::varchar[])))',
      params: [['ADMIN']],
    });
  });

  it('adds named users to the group, each once, and never selects inactive accounts', () => {
    const condition = recipientCondition({ userIds: [USER, USER], agencyId: AGENCY, roles: ['AGENCY_OFFICER'] }, 'u', 1)!;
    expect(condition.sql).toBe('u.active AND (u.id = ANY($1::uuid[]) OR (u.agency_id = $2::uuid AND u.role = ANY($3::varchar[])))');
    expect(condition.params).toEqual([[USER], AGENCY, ['AGENCY_OFFICER']]);
  });
});
