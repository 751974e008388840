import JSZip from 'jszip';
import { RISK_GUIDE_SECTIONS } from './risk-assessment-guide';
import { riskAssessmentOutlineDocx } from './risk-assessment-outline';

describe('risk assessment guide (Decree 331/2026 Art. 22.4.c and 22.5)', () => {
  it('every dossier gets the sections of Art. 22.4.c: risks and their expected impact, with questions and an example', () => {
    const all = RISK_GUIDE_SECTIONS.filter((s) => !s.levels45);
    expect(all.every((s) => /điểm c khoản 4/.test(s.basis))).toBe(true);
    expect(all.map((s) => s.heading).join(' ')).toMatch(/nguy cơ.*ảnh hưởng/is);
    for (const s of RISK_GUIDE_SECTIONS) {
      expect(s.questions.length).toBeGreaterThan(0);
      expect(s.example.length).toBeGreaterThan(20);
    }
  });

  it('levels 4–5 add one section for each of Art. 22.5 points a–d', () => {
    const detailed = RISK_GUIDE_SECTIONS.filter((s) => s.levels45).map((s) => s.basis);
    expect(detailed).toEqual(['a', 'b', 'c', 'd'].map((p) => `điểm ${p} khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP`));
  });

  it('the downloadable outline is a Word document with every heading and question of the guide', async () => {
    const buffer = await riskAssessmentOutlineDocx();
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    for (const s of RISK_GUIDE_SECTIONS) {
      expect(xml).toContain(s.heading);
      for (const q of s.questions) expect(xml).toContain(q.replace(/&/g, '&amp;'));
    }
  });
});
