import fc from 'fast-check';

/** Injection strings: SQL, LIKE wildcards, path traversal, templates, markup, log forging. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE audit_log; --",
  '1; SELECT pg_sleep(5)',
  "\\'; TRUNCATE dossiers CASCADE; --",
  '%',
  '_',
  '%_\\',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/null',
  '${jndi:ldap://x/a}',
  '{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'line\r\nX-Injected: 1',
  '$where: 1',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '-1',
  '1e309',
];

/** Prototype pollution keys: accepted nowhere, and never to reach Object.prototype. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];

/** Unicode edge cases: combining marks, NFD Vietnamese, bidi controls, zero-width, NUL, lone surrogates, astral. */
export const UNICODE = [
  'Sơn La'.normalize('NFD'),
  'Chiềng Cơi, Mộc Châu, Quỳnh Nhai'.normalize('NFD'),
  `a${'\u0301'.repeat(500)}`,
  'Z̴̡̧̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡',
  '\u202Eabc\u202C',
  '\u200F\u061C\u200E',
  '\u200B\u200C\u200D\uFEFF',
  'a\u0000b',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD800b\uDC00c',
  '\uFFFE\uFFFF',
  '👩‍👩‍👧‍👦🇻🇳',
  '\u001B[31mred\u001B[0m',
  ' \t\n ',
  '',
];

/** A string up to ~2 MB (past the 1 MB body limit) built from a multi-byte Vietnamese letter. */
export const hugeString = fc.integer({ min: 70_000, max: 2_100_000 }).map((bytes) => 'ạ'.repeat(Math.ceil(bytes / 3)));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\u0301', 'ơ', '\u202E', "'", '%', '\\'), maxLength: 30 }),
  },
  { weight: 1, arbitrary: hugeString },
);

/** Values of the wrong JSON type for a schema type (never acceptable to class-validator for that type). */
export function wrongTypeValue(type: string | undefined, required: boolean): fc.Arbitrary<unknown> {
  const nullIfRequired = required ? [fc.constant(null)] : [];
  switch (type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]), fc.constant([['x']]), fc.double(), ...nullIfRequired);
    case 'number':
    case 'integer':
      return fc.oneof(
        fc.constantFrom('1', '1.5', 'abc', '', ' 2 '),
        fc.boolean(),
        fc.constant({}),
        fc.constant([1]),
        fc.constant(1.5),
        fc.constant(1e308),
        ...nullIfRequired,
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', '1', 'yes'), fc.integer(), fc.constant({}), fc.constant([]), ...nullIfRequired);
    case 'array':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant({}), fc.constant({ 0: 'a', length: 1 }), ...nullIfRequired);
    default:
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), ...nullIfRequired);
  }
}

/** Percent-encodes any JS string, lone surrogates included (they become U+FFFD, as a browser would send). */
export function encodeComponent(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** An object whose keys include the pollution keys as own, enumerable properties (so JSON.stringify writes them). */
export function withOwnKeys(base: Record<string, unknown>, keys: string[], value: unknown): Record<string, unknown> {
  const result = { ...base };
  for (const key of keys) Object.defineProperty(result, key, { value, enumerable: true, configurable: true, writable: true });
  return result;
}

/** Nesting deep enough to break a recursive transformer. */
export function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
