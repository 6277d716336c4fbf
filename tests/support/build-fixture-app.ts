/**
 * Bundles a fixture page's app (a `.tsx` entry, e.g. tests/fixtures/douyin/service-app.tsx) into one
 * browser script, so stand-in pages can run real React: the fiber expandos the MAIN-world record reader
 * walks exist only when React itself rendered the rows. Used by the fixture server (served under
 * `/__fixtures__/<platform>/<name>.js`) and by render-static scripts. Node only.
 */
import { build } from 'esbuild';

/**
 * Bundles `entryTsx` (absolute path or relative to the working directory) with its imports, JSON
 * included, as an IIFE with React's automatic JSX runtime, unminified so a failing page is debuggable.
 * React is built for production (smaller, and what the real page runs).
 *
 * @returns the script text. Rejects when esbuild reports an error (a broken fixture should fail loudly).
 */
export async function buildFixtureApp(entryTsx: string): Promise<string> {
  const result = await build({
    entryPoints: [entryTsx],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: false,
    write: false,
    logLevel: 'silent',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no output for ${entryTsx}`);
  return out.text;
}
