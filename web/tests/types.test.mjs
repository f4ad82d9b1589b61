// `tsc --noEmit --strict` over a TypeScript user of every namespace (types/example.ts) and over
// what the types must refuse (types/refused.ts), against the built package's .d.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { here } from './support.mjs';

test('the TypeScript example compiles under --strict, and wrong calls do not', () => {
  const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(here, 'types/tsconfig.json'), '--noEmit', '--strict', '--pretty', 'false'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});

test('the public .d.ts has no any', async () => {
  const { readFileSync } = await import('node:fs');
  for (const file of ['index.d.ts', 'api.d.ts']) {
    const text = readFileSync(path.join(here, 'node_modules/webwork-tracker', file), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, file);
  }
});
