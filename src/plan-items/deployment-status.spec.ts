import { deriveDeployment, goesIntoOperation, goLiveRefusal, PlanItemState } from './deployment-status';

const item = (status: PlanItemState['status'], plannedDate: string | null = null): PlanItemState => ({ status, plannedDate });

describe('Mẫu 08 col 10 derived from the items (TT12 Art. 14.4; ND331 Art. 36.5: fully, partly or not deployed)', () => {
  it('is FULL when every applicable item is done, not-applicable items aside', () => {
    expect(deriveDeployment([item('DONE'), item('DONE'), item('NOT_APPLICABLE')]).status).toBe('FULL');
  });

  it('is PARTIAL when at least one applicable item is done and another is open', () => {
    expect(deriveDeployment([item('DONE'), item('IN_PROGRESS', '2027-03-31')]).status).toBe('PARTIAL');
    expect(deriveDeployment([item('DONE'), item('NOT_STARTED', '2027-03-31'), item('NOT_APPLICABLE')]).status).toBe('PARTIAL');
  });

  it('is NOT_DEPLOYED when no applicable item is done, even with items in progress', () => {
    expect(deriveDeployment([item('IN_PROGRESS'), item('NOT_STARTED'), item('NOT_APPLICABLE')]).status).toBe('NOT_DEPLOYED');
  });

  it('is FULL when every item was found not applicable: nothing is left to deploy (capdo reading)', () => {
    expect(deriveDeployment([item('NOT_APPLICABLE'), item('NOT_APPLICABLE')]).status).toBe('FULL');
  });

  it('counts items by status and the applicable ones', () => {
    const derived = deriveDeployment([item('DONE'), item('NOT_STARTED'), item('NOT_APPLICABLE'), item('IN_PROGRESS')]);
    expect(derived.counts).toEqual({ NOT_STARTED: 1, IN_PROGRESS: 1, DONE: 1, NOT_APPLICABLE: 1 });
    expect(derived.applicable).toBe(3);
  });
});

describe('Mẫu 08 col 11: the latest planned date among open items', () => {
  it('takes the latest date of the items not yet done, ignoring done and not-applicable ones', () => {
    const derived = deriveDeployment([
      item('NOT_STARTED', '2027-01-15'),
      item('IN_PROGRESS', '2027-06-30'),
      item('DONE', '2028-12-31'),
      item('NOT_APPLICABLE', '2029-01-01'),
    ]);
    expect(derived.expectedOn).toBe('2027-06-30');
  });

  it('is null once everything is done, or when no open item has a date', () => {
    expect(deriveDeployment([item('DONE', '2027-01-01')]).expectedOn).toBeNull();
    expect(deriveDeployment([item('NOT_STARTED', null)]).expectedOn).toBeNull();
  });
});

describe('Going into operation (TT12 Art. 9.6; ND331 Art. 30.6: the approved plan fully deployed first)', () => {
  it('is a move of a new or upgraded system to IN_OPERATION', () => {
    expect(goesIntoOperation('PLANNED', 'IN_OPERATION')).toBe(true);
    expect(goesIntoOperation('UPGRADING', 'IN_OPERATION')).toBe(true);
    expect(goesIntoOperation('IN_OPERATION', 'IN_OPERATION')).toBe(false);
    expect(goesIntoOperation('PLANNED', 'UPGRADING')).toBe(false);
    expect(goesIntoOperation('PLANNED', undefined)).toBe(false);
  });

  it('is refused while an applicable item is open, citing TT12 Art. 9.6 under ND85 and ND331 Art. 30.6 under ND331', () => {
    const partial = deriveDeployment([item('DONE'), item('NOT_STARTED', '2027-01-01'), item('IN_PROGRESS')]);
    expect(goLiveRefusal(partial, 'ND85')).toContain('khoản 6 Điều 9 Thông tư số 12/2022/TT-BTTTT');
    expect(goLiveRefusal(partial, 'ND331')).toContain('khoản 6 Điều 30 Nghị định số 331/2026/NĐ-CP');
    expect(goLiveRefusal(partial, 'ND331')).toContain('còn 2 hạng mục chưa triển khai');
  });

  it('is allowed once the plan is fully deployed', () => {
    expect(goLiveRefusal(deriveDeployment([item('DONE'), item('NOT_APPLICABLE')]), 'ND331')).toBeNull();
  });
});
