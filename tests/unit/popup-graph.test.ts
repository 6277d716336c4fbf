/**
 * What the popup loads before its first row, a figure no machine load changes: the modules its entry imports
 * statically (dynamic imports load later: the message client on the first open, the rule clock and holiday
 * calendar on a hover or an expanded row, pinyin when idle). The readers, the message schemas and the options
 * page stay out (BENCHMARKS.md, "Popup first row", 2026-12-03).
 */
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Inputs reachable from `entry` by static imports only. */
async function staticGraph(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    splitting: true,
    format: 'esm',
    outdir: join(ROOT, '.output', 'popup-graph-test'),
    jsx: 'automatic',
    loader: { '.css': 'empty', '.png': 'empty' },
    // WXT's aliases and virtual module (the popup uses only `storage` from it).
    alias: { '@': ROOT, '#imports': 'wxt/utils/storage' },
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = r.metafile.inputs;
  const seen = new Set([entry]);
  const todo = [entry];
  while (todo.length) {
    for (const im of inputs[todo.pop()!]?.imports ?? [])
      if (im.kind === 'import-statement' && !seen.has(im.path)) {
        seen.add(im.path);
        todo.push(im.path);
      }
  }
  return [...seen];
}

describe('the popup before its first row', () => {
  it('loads no reader, no message schema, no rule clock or calendar, nothing of the options page', async () => {
    // The entry imports the React popup (mount.tsx) once the early rows are painted; popup.html preloads it.
    const graph = await staticGraph('components/popup/mount.tsx');
    expect(graph).toContain('components/popup/Popup.tsx');
    expect(graph).toContain('lib/adapters/page-catalog.ts');
    const banned = graph.filter((f) =>
      [
        /^lib\/adapters\/registry\.ts$/,
        /^lib\/adapters\/[^/]+\/index\.ts$/,
        /^lib\/adapters\/shared\.ts$/,
        /^lib\/messaging\/protocol\.ts$/,
        /^lib\/sla\/(explain|calendar|windows)\.ts$/,
        /^components\/options\//,
        /node_modules\/(chinese-days|pinyin-pro|papaparse)\//,
      ].some((re) => re.test(f)),
    );
    expect(banned).toEqual([]);
  });

  it('the early first-rows script is plain IndexedDB and DOM: no React, no Dexie, no zod, no dayjs', async () => {
    const graph = await staticGraph('entrypoints/popup-first-rows.ts');
    // Only WXT's `browser` (storage, i18n) from node_modules.
    expect(
      graph.filter((f) => f.includes('node_modules') && !/node_modules\/(wxt|@wxt-dev\/browser)\//.test(f)),
    ).toEqual([]);
    const own = graph.filter((f) => !f.includes('node_modules'));
    expect(own).toContain('components/popup/early.ts');
    expect(own).toContain('lib/tickets/state.ts');
    // The zod modules (the model, the schemas, the stores), the dayjs one and the React components stay out.
    expect(
      own.filter((f) =>
        [
          /^lib\/model\/(ticket|settings|shop)\.ts$/,
          /^lib\/sla\/rule-schema\.ts$/,
          /^lib\/(settings|db)\/(store|schema)\.ts$/,
          /^lib\/time\/index\.ts$/,
          /\.tsx$/,
        ].some((re) => re.test(f)),
      ),
    ).toEqual([]);
  });

  it('the entry evaluates nothing before the early rows are painted; the React popup never loads their writer', async () => {
    expect((await staticGraph('entrypoints/popup/main.tsx')).sort()).toEqual(
      ['components/popup/early-global.ts', 'components/popup/popup.css', 'entrypoints/popup/main.tsx'].sort(),
    );
    expect(await staticGraph('components/popup/mount.tsx')).not.toContain('components/popup/early.ts');
  });
});
