import { createHash } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error';
import {
  assertNoStateSecret,
  DossierTexts,
  factsIncludeStateSecret,
  involvesStateSecret,
  redactDossierTexts,
} from './state-secret-dossier';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

describe('Law 116/2025 Art. 15.1.d, 15.2.b: no state-secret dossier on the networked registry', () => {
  it('applies when the system is recorded as state-secret', () => {
    expect(involvesStateSecret(true, { infoTypes: ['PUBLIC'] })).toBe(true);
  });

  it("applies when the dossier's own facts include state-secret information, whatever the system says", () => {
    expect(involvesStateSecret(false, { systemType: 'INTERNAL', infoTypes: ['PRIVATE', 'STATE_SECRET'] })).toBe(true);
    expect(factsIncludeStateSecret({ infoTypes: ['STATE_SECRET'] })).toBe(true);
  });

  it('does not apply to ordinary systems, nor to facts without info types', () => {
    expect(involvesStateSecret(false, { infoTypes: ['PUBLIC', 'PRIVATE', 'PERSONAL'] })).toBe(false);
    expect(involvesStateSecret(false, {})).toBe(false);
    expect(involvesStateSecret(false, null)).toBe(false);
    expect(factsIncludeStateSecret({ infoTypes: 'STATE_SECRET' })).toBe(false);
  });

  it('refuses with the stable code STATE_SECRET_OFFLINE_DOSSIER and a Vietnamese message', () => {
    let error: unknown;
    try {
      assertNoStateSecret(false, { infoTypes: ['STATE_SECRET'] }, 'file');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'STATE_SECRET_OFFLINE_DOSSIER', errors: { file: ['hệ thống xử lý thông tin bí mật nhà nước'] } });
    expect((error as DomainError).detail).toContain('bí mật nhà nước');
    expect(() => assertNoStateSecret(false, { infoTypes: ['PUBLIC'] })).not.toThrow();
  });
});

describe('redacting a dossier whose system became state-secret (Law 116/2025 Art. 15.2.b: take it down)', () => {
  const dossier: DossierTexts & { id: string; proposedLevel: number } = {
    id: 'd1',
    proposedLevel: 3,
    levelJustification: 'Hệ thống giải quyết thủ tục hành chính',
    description: {
      overview: 'Tổng quan',
      scope: 'Toàn tỉnh',
      servedPopulation: null,
      architecture: 'Sơ đồ mạng LAN, dải IP 10.0.0.0/24',
      components: [{ name: 'CSDL' }],
    },
    planSections: { a: 'Thiết kế an toàn', b: '' },
    planEntries: { 'QL.1': { status: 'IMPLEMENTED', description: 'Tường lửa Fortigate tại phòng máy' } },
    expertOpinion: { unit: 'Phòng CNTT', summary: 'Đồng ý' },
    returnItems: ['Bổ sung sơ đồ mạng'],
    appraisal: { opinions: 'Phù hợp', reasons: [] },
  };

  it('empties every free-text field and keeps the structured facts', () => {
    const { redacted } = redactDossierTexts(dossier);
    expect(redacted).toEqual({
      id: 'd1',
      proposedLevel: 3,
      levelJustification: '',
      description: { overview: null, scope: null, servedPopulation: null, architecture: null, components: [] },
      planSections: {},
      planEntries: {},
      expertOpinion: null,
      returnItems: [],
      appraisal: { opinions: '', reasons: [] },
    });
    expect(JSON.stringify(redacted)).not.toMatch(/Sơ đồ|Fortigate|Tổng quan|Đồng ý|thủ tục/);
  });

  it('keeps only the SHA-256 of each non-empty text removed', () => {
    const { removed } = redactDossierTexts(dossier);
    expect(removed).toEqual([
      { field: 'levelJustification', sha256: hash('Hệ thống giải quyết thủ tục hành chính') },
      { field: 'description.overview', sha256: hash('Tổng quan') },
      { field: 'description.scope', sha256: hash('Toàn tỉnh') },
      { field: 'description.architecture', sha256: hash('Sơ đồ mạng LAN, dải IP 10.0.0.0/24') },
      { field: 'description.components', sha256: hash(JSON.stringify([{ name: 'CSDL' }])) },
      { field: 'planSections.a', sha256: hash('Thiết kế an toàn') },
      {
        field: 'planEntries.QL.1',
        sha256: hash(JSON.stringify({ status: 'IMPLEMENTED', description: 'Tường lửa Fortigate tại phòng máy' })),
      },
      { field: 'expertOpinion', sha256: hash(JSON.stringify({ unit: 'Phòng CNTT', summary: 'Đồng ý' })) },
      { field: 'returnItems', sha256: hash(JSON.stringify(['Bổ sung sơ đồ mạng'])) },
      { field: 'appraisal.opinions', sha256: hash('Phù hợp') },
    ]);
    expect(JSON.stringify(removed)).not.toMatch(/Sơ đồ|Fortigate/);
  });
});

describe('the note to the appraiser is a free text like the others (Law 116/2025 Art. 15.2.b)', () => {
  it('is emptied, and only its SHA-256 kept', () => {
    const note = 'Hệ thống đặt tại phòng máy tầng 3, đề nghị xem xét lại phạm vi';
    const { redacted, removed } = redactDossierTexts({
      levelJustification: '',
      noteToAppraiser: note,
      description: { overview: null, scope: null, servedPopulation: null, architecture: null, components: [] },
      planSections: {},
      planEntries: {},
      expertOpinion: null,
      returnItems: null,
      appraisal: null,
    });
    expect(redacted.noteToAppraiser).toBe('');
    expect(removed).toEqual([{ field: 'noteToAppraiser', sha256: hash(note) }]);
  });
});
