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
import { PAGE_CATALOG } from '../../lib/adapters/page-catalog';
import { describeAdapterContract } from '../support/adapter-contract';

describeAdapterContract({ adapters, detectPage });

const ROOT = join(import.meta.dirname, '..', '..');

/** The source files a bundle of `entry` holds (esbuild's metafile). */
async function bundledInputs(entry: string): Promise<string[]> {
  const r = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(r.metafile.inputs);
}

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
    expect((await bundledInputs(join(ROOT, 'lib', 'adapters', 'catalog.ts'))).sort()).toEqual(
      ['lib/adapters/catalog.ts', ...MARKETPLACES.map((m) => `lib/adapters/${m.id}/meta.ts`)].sort(),
    );
  });

  it("the page catalog is each adapter's meta, matches and pages, in the registry's order, without readers", async () => {
    expect(PAGE_CATALOG.map((m) => m.id)).toEqual(adapters.map((a) => a.id));
    for (const [i, a] of adapters.entries()) {
      const m = PAGE_CATALOG[i]!;
      expect(m.meta).toBe(a.meta);
      expect(m.matches).toEqual(a.matches);
      expect(m.pages).toBe(a.pages);
    }
    const inputs = await bundledInputs(join(ROOT, 'lib', 'adapters', 'page-catalog.ts'));
    expect(inputs.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(inputs.filter((f) => /registry|index\.ts$|-list|shared/.test(f))).toEqual([]);
  });
});
