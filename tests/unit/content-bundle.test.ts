/**
 * What the content scripts carry (issue 12): the page part of each adapter (content.ts) and the page session
 * (lib/overlay/start.ts) must not pull zod, dayjs or React into the seller page. Readers of what the hook
 * copies, and all validation, run in the worker. Checked on the import graph (esbuild's metafile), so a
 * stray value import of a schema module fails here rather than as 100 KB more in `npm run bench`.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../lib/adapters/catalog';

const ROOT = join(import.meta.dirname, '..', '..');
const HEAVY = /node_modules\/(zod|dayjs|react|react-dom|dexie|pinyin-pro)\//;

describe('content scripts carry no zod, dayjs, React or Dexie', () => {
  for (const { id } of MARKETPLACES)
    it(`${id}: the page part and the page session`, async () => {
      const out = await build({
        stdin: {
          contents: `import { ${id}Content } from '@/lib/adapters/${id}/content';
            import { startOverlay } from '@/lib/overlay/start';
            export default [${id}Content, startOverlay];`,
          resolveDir: ROOT,
          loader: 'ts',
        },
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        alias: { '@': ROOT },
        // WXT's own modules are the same in every entrypoint (the browser polyfill); not ours to weigh.
        external: ['wxt/*', '#imports'],
        logLevel: 'silent',
      });
      const heavy = Object.keys(out.metafile.inputs).filter((f) => HEAVY.test(f));
      expect(heavy).toEqual([]);
    });
});
