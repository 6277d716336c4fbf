/**
 * The adapter contract over the shipped registry (tests/support/adapter-contract.ts says what it checks), and
 * what only the shipped marketplaces have: their entrypoints, and meta modules free of imports.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../lib/adapters/catalog';
import { adapters, detectPage } from '../../lib/adapters/registry';
import { describeAdapterContract } from '../support/adapter-contract';

describeAdapterContract({ adapters, detectPage });

const ROOT = join(import.meta.dirname, '..', '..');

describe('adapter contract: shipped marketplaces', () => {
  for (const m of MARKETPLACES) {
    it(`${m.id}: a content script and a MAIN-world hook take their matches and frames from ${m.id}/meta.ts`, () => {
      for (const file of [`entrypoints/${m.id}.content/index.ts`, `entrypoints/${m.id}-hook.content.ts`]) {
        expect(existsSync(join(ROOT, file)), file).toBe(true);
        const src = readFileSync(join(ROOT, file), 'utf8');
        expect(src, file).toContain(`matches: matchesOf(${m.id}Meta)`);
        expect(src, file).toContain(`allFrames: ${m.id}Meta.allFrames`);
      }
    });

    it(`${m.id}/meta.ts bundles alone: no zod, no readers, no model`, async () => {
      const r = await build({
        entryPoints: [join(ROOT, 'lib', 'adapters', m.id, 'meta.ts')],
        bundle: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      expect(Object.keys(r.metafile.inputs)).toEqual([`lib/adapters/${m.id}/meta.ts`]);
    });
  }

  it('the catalog bundles only the meta modules', async () => {
    const r = await build({
      entryPoints: [join(ROOT, 'lib', 'adapters', 'catalog.ts')],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(r.metafile.inputs).sort()).toEqual(
      ['lib/adapters/catalog.ts', ...MARKETPLACES.map((m) => `lib/adapters/${m.id}/meta.ts`)].sort(),
    );
  });
});
