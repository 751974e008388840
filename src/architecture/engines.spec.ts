import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';

/**
 * `npm ci` prints an EBADENGINE warning for every installed package whose `engines.node` the running Node.js does not
 * satisfy. The product declares its engine in package.json (one range per major line: 20, 22, 24 and later); every
 * package the lock file installs must accept the lowest version of each of those ranges, so that a newcomer on any
 * supported Node.js sees no warning.
 */
const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};

describe('the declared Node.js engine (npm ci without engine warnings)', () => {
  const lowestOfEachLine = new semver.Range(manifest.engines.node).set.map(
    (comparators) => semver.minVersion(comparators.map((c) => c.value).join(' '))!.version,
  );

  it('declares one range per supported major line, from 20.19 (the machine CI runs on is Node.js 20)', () => {
    expect(lowestOfEachLine).toEqual(['20.19.0', '22.13.0', '24.11.0']);
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it.each(lowestOfEachLine)('every installed package accepts Node.js %s', (node) => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name.startsWith('node_modules/'))
      .map(([name, entry]) => ({ name: name.replace(/^.*node_modules\//, ''), version: entry.version, wants: engineOf(entry) }))
      .filter(({ wants }) => wants && !semver.satisfies(node, wants, { includePrerelease: true }));
    expect(refusing).toEqual([]);
  });
});

function engineOf(entry: { engines?: { node?: string } | string[] }): string | undefined {
  return Array.isArray(entry.engines) ? undefined : entry.engines?.node;
}
