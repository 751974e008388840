import { approvalRecordErrors, refusedArchitectureFields } from './system-rules';

describe('state-secret guardrail', () => {
  it('refuses every architecture field a state-secret system is given', () => {
    expect(
      refusedArchitectureFields(['STATE_SECRET'], {
        architectureDescription: 'Sơ đồ mạng',
        components: [{ name: 'CSDL' }],
        hosting: 'OWN_PREMISES',
        internetFacing: false,
        connectsGovNetwork: true,
      }),
    ).toEqual(['architectureDescription', 'components', 'hosting', 'internetFacing', 'connectsGovNetwork']);
  });

  it('accepts empty architecture for a state-secret system', () => {
    expect(refusedArchitectureFields(['PUBLIC', 'STATE_SECRET'], { architectureDescription: '  ', components: [], hosting: null })).toEqual(
      [],
    );
  });

  it('does not restrict other systems', () => {
    expect(refusedArchitectureFields(['PRIVATE', 'PERSONAL'], { architectureDescription: 'Sơ đồ', hosting: 'RENTED_CLOUD' })).toEqual([]);
  });
});

describe('approval record', () => {
  it('is complete with level, number and date, or with none of them', () => {
    expect(approvalRecordErrors({ approvedLevel: 3, approvalDecisionNumber: '12/QĐ-UBND', approvalDecisionDate: '2025-05-01' })).toEqual(
      {},
    );
    expect(approvalRecordErrors({})).toEqual({});
  });

  it('names the missing parts when only some are given', () => {
    expect(Object.keys(approvalRecordErrors({ approvedLevel: 2 })).sort()).toEqual(['approvalDecisionDate', 'approvalDecisionNumber']);
    expect(Object.keys(approvalRecordErrors({ approvalDecisionNumber: '5/QĐ' })).sort()).toEqual(['approvalDecisionDate', 'approvedLevel']);
  });
});
