import {
  appraisalStage,
  approvedByDecisionDate,
  buildReadings,
  countByAppraiser,
  DEFAULT_READING,
  decisionDay,
  READING_TEXTS,
} from './report-readings';
import { rate } from './report-tiers';

const received = (body: string, state: string | null, approvedByDay = false, appraiserKey = 'ca', appraiserName = 'Công an tỉnh') => ({
  body,
  appraiserKey,
  appraiserName,
  state,
  approvedByDay,
});

describe('the report readings (issue 19 point 8)', () => {
  it('keeps the reading of dispatch 256/UBND-NC (by owner, as recorded) as the default', () => {
    expect(DEFAULT_READING).toBe('BY_OWNER');
    expect(READING_TEXTS.BY_OWNER.sentence).toContain('256/UBND-NC');
  });

  it('puts a received dossier in its stage at the day; an approval by the day stays an approval when superseded later', () => {
    expect(appraisalStage('SUBMITTED', false)).toBe('WAITING');
    expect(appraisalStage('RETURNED', false)).toBe('RETURNED');
    expect(appraisalStage('UNDER_APPRAISAL', false)).toBe('UNDER_APPRAISAL');
    expect(appraisalStage('APPRAISED', false)).toBe('APPRAISED');
    expect(appraisalStage('AWAITING_APPROVAL', false)).toBe('APPRAISED');
    expect(appraisalStage('AWAITING_LISTING', false)).toBe('APPRAISED');
    expect(appraisalStage('SUPERSEDED', true)).toBe('APPROVED');
    expect(appraisalStage('WITHDRAWN', false)).toBe('WITHDRAWN');
    expect(appraisalStage('DRAFT', false)).toBe('OTHER');
  });

  it('counts, per appraising body, the bodies and the dossiers received, by stage, and the bodies approved', () => {
    const figures = countByAppraiser([
      received('a', 'APPROVED', true),
      received('a', 'UNDER_APPRAISAL'),
      received('b', 'RETURNED'),
      received('c', 'APPROVED', true, 'council', 'Hội đồng thẩm định độc lập'),
    ]);
    expect(figures).toEqual([
      {
        appraiserName: 'Công an tỉnh',
        bodiesReceived: 2,
        bodiesApproved: 1,
        dossiersReceived: 3,
        byStage: { WAITING: 0, RETURNED: 1, UNDER_APPRAISAL: 1, APPRAISED: 0, APPROVED: 1, WITHDRAWN: 0, OTHER: 0 },
      },
      {
        appraiserName: 'Hội đồng thẩm định độc lập',
        bodiesReceived: 1,
        bodiesApproved: 1,
        dossiersReceived: 1,
        byStage: { WAITING: 0, RETURNED: 0, UNDER_APPRAISAL: 0, APPRAISED: 0, APPROVED: 1, WITHDRAWN: 0, OTHER: 0 },
      },
    ]);
  });

  it('reads an approval by the date its decision bears, even when recorded after the day; by the record day without one', () => {
    expect(approvedByDecisionDate('2026-01-05', '2026-01-12', '2026-01-06')).toBe(true);
    expect(approvedByDecisionDate('2026-01-07', '2026-01-07', '2026-01-06')).toBe(false);
    expect(approvedByDecisionDate(null, '2026-01-06', '2026-01-06')).toBe(true);
    expect(decisionDay(null, '2026-01-06')).toBe('2026-01-06');
  });

  it('builds the readings beside the default figures, which it leaves as they are', () => {
    const bodies = [
      { id: 'owner', name: 'Sở Xây dựng', submitted: true, approved: true },
      { id: 'sender', name: 'Sở Tài chính', submitted: false, approved: false },
      { id: 'ward', name: 'UBND phường Tô Hiệu', submitted: true, approved: false },
    ];
    const dossier = (body: string, approvedByDay: boolean, recordedOn: string | null, decisionDate = recordedOn) => ({
      ...received(body, approvedByDay ? 'APPROVED' : 'UNDER_APPRAISAL', approvedByDay),
      received: true,
      decisionDate,
      recordedOn,
    });
    const r = buildReadings(
      bodies,
      [
        { body: 'sender', approved: true },
        { body: 'ward', approved: false },
        { body: 'elsewhere', approved: true },
      ],
      [dossier('owner', true, '2025-10-01'), dossier('ward', false, '2026-01-12', '2026-01-05'), dossier('elsewhere', true, '2025-10-01')],
      '2026-01-06',
      rate,
    );
    expect(r.byOwner).toMatchObject({ total: 3, submitted: 2, approved: 1, approvalRate: 50 });
    expect(r.bySender).toMatchObject({ total: 3, submitted: 2, approved: 1, onlyBySender: ['Sở Tài chính'], onlyByOwner: ['Sở Xây dựng'] });
    expect(r.byAppraiser.appraisers).toHaveLength(1);
    expect(r.byAppraiser.appraisers[0]).toMatchObject({ bodiesReceived: 2, dossiersReceived: 2, bodiesApproved: 1 });
    expect(r.byDecisionDate).toMatchObject({
      bodiesApprovedByRecord: 1,
      bodiesApprovedByDecisionDate: 2,
      dossiersApprovedByRecord: 1,
      dossiersApprovedByDecisionDate: 2,
      decidedByDayRecordedLater: 1,
      onlyByDecisionDate: ['UBND phường Tô Hiệu'],
    });
  });
});
