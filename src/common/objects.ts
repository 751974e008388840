/** DTO instances carry every declared field, unset ones as undefined: keep only what the client sent. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Keys naming Object.prototype's members (`__proto__`, `constructor`, `toString` …) or `prototype`: no API field has one. */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export type JsonShapeIssue = { kind: 'too-deep' } | { kind: 'reserved-key'; path: string };

/**
 * What makes a parsed JSON body unfit to go further, checked before any DTO transformation: nesting deeper than
 * `maxDepth` (class-transformer's recursive walk would overflow the stack: a 500 instead of a 400), or a key that
 * could reach or shadow Object.prototype (the validation pipe would drop it silently rather than refuse it).
 * Iterative, so that the check itself cannot overflow.
 */
export function jsonShapeIssue(value: unknown, maxDepth: number): JsonShapeIssue | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [current, depth, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { kind: 'too-deep' };
    const array = Array.isArray(current);
    for (const key of Object.keys(current)) {
      const childPath = array ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!array && RESERVED_KEYS.has(key)) return { kind: 'reserved-key', path: childPath };
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1, childPath]);
    }
  }
  return undefined;
}
