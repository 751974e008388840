import { jsonShapeIssue } from './objects';

describe('jsonShapeIssue', () => {
  it('accepts the shapes the API takes', () => {
    expect(
      jsonShapeIssue({ version: 1, planEntries: [{ code: 'A', status: 'IMPLEMENTED' }], facts: { infoTypes: ['PUBLIC'] } }, 32),
    ).toBeUndefined();
    expect(jsonShapeIssue('text', 32)).toBeUndefined();
  });

  it('refuses nesting past the limit without recursing itself', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonShapeIssue(deep, 32)).toEqual({ kind: 'too-deep' });
  });

  it('refuses keys that name Object.prototype members, wherever they are, with their path', () => {
    expect(jsonShapeIssue(JSON.parse('{"__proto__": {"isAdmin": true}}'), 32)).toEqual({ kind: 'reserved-key', path: '__proto__' });
    expect(jsonShapeIssue(JSON.parse('{"facts": {"constructor": {"prototype": 1}}}'), 32)).toEqual({
      kind: 'reserved-key',
      path: 'facts.constructor',
    });
    expect(jsonShapeIssue({ items: [{ toString: 'x' }] }, 32)).toEqual({ kind: 'reserved-key', path: 'items[0].toString' });
  });
});
