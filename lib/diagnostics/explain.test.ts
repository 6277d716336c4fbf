import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setTestMessages } from '../i18n';
import { healthCodeKey, healthCodeText, KNOWN_HEALTH_CODES } from './explain';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

const zh = zhCN as Record<string, { message: string }>;
const english = en as Record<string, { message: string }>;

afterEach(() => setTestMessages(zhCN));

/** `code: '…'` literals in the modules that write the health log (readers, overlay, features, freshness). */
function codesInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ts$/.test(f) && !/\.test\.ts$/.test(f))
        for (const m of readFileSync(p, 'utf8').matchAll(/\bcode: '([a-z0-9-]+)'/g)) found.add(m[1]!);
    }
  };
  for (const d of ['adapters', 'overlay', 'features', 'freshness', 'background'])
    walk(join(import.meta.dirname, '..', d));
  return found;
}

describe('diagnostics in the merchant’s words', () => {
  it('explains every code the extension records, in both languages', () => {
    for (const code of codesInSource()) expect(KNOWN_HEALTH_CODES, code).toContain(code);
    for (const code of KNOWN_HEALTH_CODES) {
      const z = zh[healthCodeKey(code)]?.message;
      expect(z, code).toMatch(/[\u4e00-\u9fff]/);
      // No developer words in the Chinese text (field names, "JSON", "undefined").
      expect(z, code).not.toMatch(/[A-Za-z_]{4,}/);
      expect(english[healthCodeKey(code)]?.message, code).toBeTruthy();
    }
  });

  it('reads a code as a sentence, and a new code as a general one naming it', () => {
    expect(healthCodeText('deadline-invalid')).toContain('无可信时效');
    expect(healthCodeText('brand-new-code')).toBe('读取页面时遇到问题（代码 brand-new-code）。');
    setTestMessages(en);
    expect(healthCodeText('not-logged-in')).toMatch(/^The page says you are logged out/);
  });
});
