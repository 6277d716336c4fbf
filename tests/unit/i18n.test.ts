/**
 * public/_locales is the one place UI strings live (lib/i18n.ts). Every literal key the code looks up must
 * exist in both locales, and both locales must hold the same keys with the same substitutions.
 */
import { MARKETPLACES } from '../../lib/adapters/catalog';
import { platformName, surfaceName } from '../../lib/i18n';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const zh = zhCN as Messages;
const english = en as Messages;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** `$1`…`$9` and `$NAME$` references in a message. */
const refs = (m: string) => [...m.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((x) => x[0]).sort();

describe('one i18n path', () => {
  it('both locales hold the same keys, with the same substitutions', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh)) expect([k, refs(english[k]!.message)]).toEqual([k, refs(zh[k]!.message)]);
  });

  it('every literal key passed to t() exists', () => {
    const used = new Set<string>();
    for (const file of ['lib', 'components', 'entrypoints'].flatMap(sources)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in zh))).toEqual([]);
  });

  it('marketplace and surface names come from the adapters (meta.ts), not from message keys', () => {
    // lib/i18n.ts platformName / surfaceName read them from lib/adapters/catalog.ts in the UI language, so a
    // new marketplace is named where it is defined; adapter-contract.test.ts checks both languages are there.
    expect(Object.keys(zh).filter((k) => /^(platform|surface)_/.test(k))).toEqual([]);
    const looked = ['lib', 'components', 'entrypoints']
      .flatMap(sources)
      .filter((f) => /\bt\(\s*[`'](platform|surface)_/.test(readFileSync(f, 'utf8')));
    expect(looked).toEqual([]);
    for (const m of MARKETPLACES) {
      expect(platformName(m.id)).toBe(m.names.zh);
      for (const s of m.surfaces) expect(surfaceName(s.id)).toBe(`${m.names.zh} ${s.names.zh}`);
    }
  });

  it('no second string table: no JSON of UI strings outside public/_locales', () => {
    const stray = ['lib', 'components', 'entrypoints']
      .flatMap((d) => readdirSync(d, { recursive: true }).map(String))
      .filter((p) => /locales?[^/]*\.json$/.test(p));
    expect(stray).toEqual([]);
  });
});
