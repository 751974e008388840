import { canonicalJson, contentHash } from './revision-hash';

describe('revision hash', () => {
  it('does not depend on key order', () => {
    expect(contentHash({ a: 1, b: { d: [1, 2], c: 'Sơn La' } })).toBe(contentHash({ b: { c: 'Sơn La', d: [1, 2] }, a: 1 }));
  });

  it('changes when any content changes, including array order', () => {
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: 'x' })).not.toBe(contentHash({ a: 'y' }));
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ z: null, a: [true, 'đ'] })).toBe('{"a":[true,"đ"],"z":null}');
  });
});
