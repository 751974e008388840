import { autoArticles, clearedByApproval, triggerArticles, triggerRefusal } from './redetermination-rules';

const ND331 = 'Nghị định 331/2026/NĐ-CP';

describe('re-determination triggers recorded by an appraiser (ND331 Arts. 8, 10, 25)', () => {
  it('a change of function, scope, users, information or technology is ND331 Art. 10.2.b, adjusting the level by Art. 10.4.a, through Art. 25', () => {
    expect(triggerArticles('RISK_EVENT', 'CHANGE')).toEqual([
      `Điểm b Khoản 2 Điều 10 ${ND331}`,
      `Điểm a Khoản 4 Điều 10 ${ND331}`,
      `Điều 25 ${ND331}`,
    ]);
  });

  it('an extension, integration or data sharing is ND331 Art. 10.2.c; a serious incident Art. 10.2.d', () => {
    expect(triggerArticles('RISK_EVENT', 'EXTENSION')[0]).toBe(`Điểm c Khoản 2 Điều 10 ${ND331}`);
    expect(triggerArticles('RISK_EVENT', 'SERIOUS_INCIDENT')[0]).toBe(`Điểm d Khoản 2 Điều 10 ${ND331}`);
  });

  it("a competent body's request is ND331 Art. 10.2.đ and 10.7", () => {
    expect(triggerArticles('AUTHORITY_REQUEST')).toEqual([
      `Điểm đ Khoản 2 Điều 10 ${ND331}`,
      `Khoản 7 Điều 10 ${ND331}`,
      `Điều 25 ${ND331}`,
    ]);
  });

  it('an improper split or merge is ND331 Art. 8.3', () => {
    expect(triggerArticles('SPLIT_MERGE')).toEqual([`Khoản 3 Điều 8 ${ND331}`, `Điều 25 ${ND331}`]);
  });

  it('a risk higher than the approved level is ND331 Art. 10.5, and needs the level', () => {
    expect(triggerArticles('HIGHER_RISK')[0]).toBe(`Khoản 5 Điều 10 ${ND331}`);
    expect(triggerRefusal({ source: 'HIGHER_RISK', approvedLevel: 2 })?.field).toBe('level');
    expect(triggerRefusal({ source: 'HIGHER_RISK', level: 2, approvedLevel: 2 })?.field).toBe('level');
    expect(triggerRefusal({ source: 'HIGHER_RISK', level: 3, approvedLevel: 2 })).toBeNull();
  });

  it('Art. 25 is for systems already approved: a system without an approved level is refused', () => {
    expect(triggerRefusal({ source: 'SPLIT_MERGE', approvedLevel: null })?.field).toBe('source');
  });

  it('a risk event names which event of Art. 10.2; other sources do not', () => {
    expect(triggerRefusal({ source: 'RISK_EVENT', approvedLevel: 2 })?.field).toBe('riskEvent');
    expect(triggerRefusal({ source: 'SPLIT_MERGE', riskEvent: 'CHANGE', approvedLevel: 2 })?.field).toBe('riskEvent');
    expect(triggerRefusal({ source: 'RISK_EVENT', riskEvent: 'CHANGE', approvedLevel: 2 })).toBeNull();
  });

  it('automatic flags cite the criteria that raised the level, then Art. 25', () => {
    expect(autoArticles([`Điểm c Khoản 2 Điều 13 ${ND331}`])).toEqual([`Điểm c Khoản 2 Điều 13 ${ND331}`, `Điều 25 ${ND331}`]);
  });
});

describe('settling a flag on a new approval (ND331 Art. 25)', () => {
  it('an approval at the computed level or above clears it; below does not', () => {
    expect(clearedByApproval({ computedLevel: 3 }, 3)).toBe(true);
    expect(clearedByApproval({ computedLevel: 3 }, 4)).toBe(true);
    expect(clearedByApproval({ computedLevel: 3 }, 2)).toBe(false);
  });

  it('a flag without a level is settled by any new approval', () => {
    expect(clearedByApproval({ computedLevel: null }, 1)).toBe(true);
  });
});
