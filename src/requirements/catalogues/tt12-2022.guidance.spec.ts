import { SECURITY_LEVELS } from './requirement.types';
import { CATALOGUES } from './catalogue-registry';
import { guidanceFor, guidanceKey, TT12_2022_GUIDANCE } from './tt12-2022.guidance';

const available = CATALOGUES.flatMap((c) => (c.status === 'available' ? [c.catalogue] : []));
const everyRequirement = available.flatMap((c) => SECURITY_LEVELS.flatMap((level) => c.requirements[level]));

describe('requirement guidance (issue 21 point 3: a plain explanation, an example answer, the usual evidence)', () => {
  it.each(everyRequirement.map((r) => [r.code, r] as const))('%s has an explanation, an example and the usual evidence', (_code, r) => {
    const guidance = guidanceFor(r);
    expect(guidance).toBeDefined();
    for (const text of [guidance!.explanation, guidance!.example, guidance!.evidence]) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text.length).toBeLessThanOrEqual(300);
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('the same requirement at different levels shares one text (TT12 Appendices I–V repeat the rows level after level)', () => {
    const server = (level: 1 | 2 | 3) =>
      everyRequirement.find((r) => r.level === level && r.group === 'SERVER' && r.title === 'Nhật ký hệ thống')!;
    expect(guidanceFor(server(1))).toBe(guidanceFor(server(3)));
    // The design solution grows in wording from level 2 to level 3 (a product is named), the topic stays.
    const waf = (level: 2 | 3) =>
      everyRequirement.find(
        (r) => r.level === level && r.part === 'DESIGN_SOLUTIONS' && /ứng dụng web/.test(r.title) && r.group === 'APPLICATION',
      )!;
    expect(guidanceKey(waf(2))).toBe('TK.WEB_FIREWALL');
    expect(guidanceFor(waf(2))).toBe(guidanceFor(waf(3)));
  });

  it('the redundancy solution that names a web firewall is filed as redundancy, not as the web firewall (TT12 App. III II.1.b.iii)', () => {
    const r = everyRequirement.find((x) => x.level === 3 && x.ref === 'II.1.b.iii')!;
    expect(r.title).toContain('tường lửa ứng dụng web');
    expect(guidanceKey(r)).toBe('TK.NETWORK_REDUNDANCY');
  });

  it('repeated titles have different guidance by group ("Nhật ký hệ thống" for the network, a server, an application)', () => {
    const logs = everyRequirement.filter((r) => r.level === 2 && r.title === 'Nhật ký hệ thống');
    expect(logs).toHaveLength(3);
    expect(new Set(logs.map((r) => guidanceFor(r)!.explanation)).size).toBe(3);
  });

  it('no guidance is written for a requirement that no catalogue has', () => {
    const used = new Set(everyRequirement.map((r) => guidanceKey(r)));
    expect(Object.keys(TT12_2022_GUIDANCE).filter((key) => !used.has(key))).toEqual([]);
  });
});
