import { documentDate, type DocumentDateFacts } from './document-dates';

const TODAY = '2026-12-06';
const NONE: DocumentDateFacts = {
  status: 'DRAFT',
  submittedAt: null,
  opinionRequest: null,
  appraisal: null,
  approvalRequest: null,
  decision: null,
  planDecision: null,
};
const at = (status: string, extra: Partial<DocumentDateFacts> = {}) => ({ ...NONE, status, ...extra });

describe('the date each form carries is the date of its act, not the day it is printed', () => {
  it('Mẫu 03 (ND331 điểm d khoản 1 Điều 20) is dated the day the opinion was requested, today only while a draft', () => {
    const requested = { opinionRequest: { requestedOn: '2026-11-20' } };
    expect(documentDate('mau-03', at('AWAITING_OPINION', requested), TODAY)).toBe('2026-11-20');
    expect(documentDate('mau-03', at('APPROVED', requested), TODAY)).toBe('2026-11-20');
    expect(documentDate('mau-03', at('DRAFT', requested), TODAY)).toBe(TODAY);
    expect(documentDate('mau-03', at('DRAFT'), TODAY)).toBe(TODAY);
  });

  it('Mẫu 05 (ND331 điểm b, c khoản 3 Điều 20) is dated the day the Tờ trình was submitted, today as the preview', () => {
    expect(documentDate('mau-05', at('AWAITING_APPROVAL', { approvalRequest: { submittedOn: '2026-12-03' } }), TODAY)).toBe('2026-12-03');
    expect(documentDate('mau-05', at('APPRAISED'), TODAY)).toBe(TODAY);
  });

  it('Mẫu 06 and Mẫu 07 (ND331 điểm d khoản 3 Điều 18) carry their decision’s date', () => {
    expect(documentDate('mau-06', at('APPROVED', { decision: { date: '2026-11-26' } }), TODAY)).toBe('2026-11-26');
    expect(documentDate('mau-07', at('AWAITING_LISTING', { planDecision: { date: '2026-12-05' } }), TODAY)).toBe('2026-12-05');
  });

  it('Mẫu 04 (ND331 Điều 23) carries the Vietnamese day of the appraisal', () => {
    expect(documentDate('mau-04', at('APPRAISED', { appraisal: { appraisedAt: '2026-11-20T18:30:00.000Z' } }), TODAY)).toBe('2026-11-21');
  });

  it('Mẫu 01, 02 and the explanatory report carry the last submission, today while drafting or after a return', () => {
    const submitted = { submittedAt: new Date('2026-11-25T02:00:00Z') };
    expect(documentDate('mau-02', at('UNDER_APPRAISAL', submitted), TODAY)).toBe('2026-11-25');
    expect(documentDate('thuyet-minh', at('APPROVED', submitted), TODAY)).toBe('2026-11-25');
    // An approved dossier's request stays dated by its submission, before its own appraisal and decision.
    expect(documentDate('mau-02', at('APPROVED', { ...submitted, decision: { date: '2026-12-04' } }), TODAY)).toBe('2026-11-25');
    expect(documentDate('mau-01', at('APPROVED', submitted), TODAY)).toBe('2026-11-25');
    expect(documentDate('mau-02', at('RETURNED', submitted), TODAY)).toBe(TODAY);
    expect(documentDate('mau-01', at('DRAFT'), TODAY)).toBe(TODAY);
    expect(documentDate('mau-02', at('OPINION_GIVEN'), TODAY)).toBe(TODAY);
  });
});
