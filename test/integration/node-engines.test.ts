import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Lock {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
}

describe('the installed packages', () => {
  it('all run on the Node.js version README asks for: a fresh install warns of no engine', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';
    expect(oldest).toBe('20.19.0');
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return wanted && !semver.satisfies(oldest, wanted) ? [`${path} wants node ${wanted}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
