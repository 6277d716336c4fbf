/**
 * The adapter contract, checked for every adapter in the registry (conventions.md: every page detector lists
 * example URLs, every selector and endpoint carries its evidence):
 *
 * - Pages: each example URL is recognised as its own page and as no other page of any adapter, and is covered
 *   by its adapter's manifest `matches`. Pages found by content (`byContent`) never match by URL alone; they
 *   match at least one of their own fixtures (`<page>--*.html`), and a document they match is claimed by no
 *   other page.
 * - Selectors: every `xEvidence` export of an adapter's selectors module (`adapter.selectors`; the one form of
 *   evidence, beside its selector) holds: `x` finds `count` elements in each named fixture. A selector
 *   list counts what readers see: the matches of the first selector in the list that matches anything.
 * - Endpoints: evidence fixtures exist, their golden outputs name the endpoint, and the path pattern matches a
 *   plausible request URL of its own and no other endpoint's.
 * - Fixtures named for a page but referenced nowhere are reported as a warning only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../lib/adapters/catalog';
import { matchesOf } from '../../lib/adapters/manifest';
import type { registryOf } from '../../lib/adapters/registry';
import { TemplateSchema } from '../../lib/model/template';
import { DEFAULT_RULES } from '../../lib/sla/default-rules';
import { RuleSchema } from '../../lib/sla/rule-schema';
import { defaultTemplates } from '../../lib/templates/defaults';
import type { Evidence, MarketplaceAdapter, PageDef } from '../../lib/adapters/types';
import { FIXTURES, fixtureExists, fixturePath, listFixtures, loadDocument } from './fixtures';

/**
 * Request URLs as the pages send them, by endpoint id. Endpoints without an entry get one derived from their
 * pattern when it is a plain path; otherwise the test asks for an entry here.
 */
const PLAUSIBLE_REQUESTS: Readonly<Record<string, readonly string[]>> = {
  'pdd.todoList': ['https://mms.pinduoduo.com/strickland/sop/mms/todoList'],
  'pdd.workOrderDetail': ['https://mms.pinduoduo.com/strickland/sop/mms/detail'],
  'pdd.afterSalesList': ['https://mms.pinduoduo.com/mercury/mms/afterSales/queryList'],
  'pdd.userInfo': ['https://mms.pinduoduo.com/janus/api/new/userinfo', 'https://mms.pinduoduo.com/janus/api/userinfo'],
  'douyin.afterSaleList': ['https://fxg.jinritemai.com/after_sale/pc/list?msToken=x1&a_bogus=x2&verifyFp=verify_x3'],
};
/** Calls the pages make that carry no tickets: no endpoint may claim them. */
const NOT_ENDPOINTS = [
  'https://mms.pinduoduo.com/strickland/sop/mms/statusCount',
  'https://mms.pinduoduo.com/latitude/mallTicket/submitForm',
  'https://mms.pinduoduo.com/mercury/mms/afterSales/queryList/export',
];

const ROOT = join(FIXTURES, '..', '..');
const shortName = (page: PageDef) => page.kind.slice(page.kind.indexOf('.') + 1);

const docs = new Map<string, Document>();
function doc(platform: string, fixture: string, url = 'https://example.invalid/'): Document {
  const key = `${platform}/${fixture}@${url}`;
  let d = docs.get(key);
  if (!d) {
    d = loadDocument(platform, fixture, url);
    docs.set(key, d);
  }
  return d;
}

/** A manifest match pattern (`https://host/*`) as a test on a URL. */
function coveredBy(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host = '', path = ''] = m;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
      : url.hostname === host);
  const schemeOk = scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`;
  const pathRe = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return schemeOk && hostOk && pathRe.test(url.pathname + url.search);
}

/** Matching a page the way the overlay does: by URL, or by URL and document for content-found pages. */
const matches = (page: PageDef, url: URL, d?: Document) =>
  page.byContent ? d !== undefined && page.match(url, d) : page.match(url);

const isEvidence = (v: unknown): v is Evidence =>
  Array.isArray(v) &&
  v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'number' && typeof e[1] === 'string');
const isSelector = (v: unknown): v is string | readonly string[] =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string'));

interface Claim {
  name: string;
  selector: string | readonly string[];
  count: number;
  fixture: string;
}

/** Every evidence claim of a selectors module, plus problems (evidence without a selector). */
function claimsOf(mod: Readonly<Record<string, unknown>>): { claims: Claim[]; problems: string[] } {
  const claims: Claim[] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (!name.endsWith('Evidence')) continue;
    const base = name.slice(0, -'Evidence'.length);
    const selector = mod[base];
    if (!isEvidence(value)) problems.push(`${name} is not [count, fixture][]`);
    else if (!isSelector(selector))
      problems.push(`${name} has no selector export \`${base}\` (a string or a list of strings)`);
    else for (const [count, fixture] of value) claims.push({ name: base, selector, count, fixture });
  }
  return { claims, problems };
}

/** How many elements a reader sees: a list uses its first selector that matches anything. */
function countIn(d: Document, selector: string | readonly string[]): number {
  if (typeof selector === 'string') return d.querySelectorAll(selector).length;
  for (const s of selector) {
    const n = d.querySelectorAll(s).length;
    if (n > 0) return n;
  }
  return 0;
}

/** A request path for a plain-path pattern (`^\/a\/b\/?$` → `/a/b`); undefined when the pattern is not one. */
function pathFromPattern(re: RegExp): string | undefined {
  const s = re.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\\\/\?/g, '')
    .replace(/\(\?:[^()]*\)\?/g, '')
    .replace(/\\([/.-])/g, '$1');
  return /[\\()[\]{}*+?|^$]/.test(s) ? undefined : s;
}

function requestsFor(ep: MarketplaceAdapter['endpoints'][number], adapter: MarketplaceAdapter): string[] {
  const listed = PLAUSIBLE_REQUESTS[ep.id];
  if (listed) return [...listed];
  const path = pathFromPattern(ep.path);
  const host = adapter.matches[0] ? /^\w+:\/\/([^/*]+)/.exec(adapter.matches[0])?.[1] : undefined;
  return path && host ? [`https://${host}${path}`] : [];
}

/**
 * Declares the contract tests for every adapter of a registry (the shipped one in
 * tests/unit/adapter-contract.test.ts, a throwaway marketplace in tests/unit/throwaway-adapter.test.ts).
 */
export function describeAdapterContract(registry: ReturnType<typeof registryOf>): void {
  const { adapters, detectPage } = registry;
  const allPages = adapters.flatMap((adapter) => adapter.pages.map((page) => ({ adapter, page })));

  describe('adapter contract: registry', () => {
    it('has adapters with unique ids, and page kinds unique and prefixed by their adapter', () => {
      expect(adapters.length).toBeGreaterThan(0);
      expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
      const kinds = allPages.map(({ page }) => page.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const { adapter, page } of allPages) expect(page.kind.startsWith(`${adapter.id}.`), page.kind).toBe(true);
    });
    it('lists the adapters in the catalog order, each with its own meta (lib/adapters/catalog.ts)', () => {
      expect(adapters.map((a) => a.meta)).toEqual([...MARKETPLACES]);
      for (const a of adapters) expect(a.id, a.meta.id).toBe(a.meta.id);
    });
  });

  for (const adapter of adapters) {
    describe(`adapter contract: ${adapter.id} meta`, () => {
      const { meta } = adapter;
      it('has names in both languages, a colour readable under white text, https hosts', () => {
        expect(meta.names.zh.trim()).not.toBe('');
        expect(meta.names.en.trim()).not.toBe('');
        expect(meta.colour).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrastWithWhite(meta.colour), meta.colour).toBeGreaterThanOrEqual(4.5);
        expect(meta.hosts.length).toBeGreaterThan(0);
        for (const h of meta.hosts) expect(h, h).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
        expect(adapter.matches).toEqual(matchesOf(meta));
      });
      it('declares every surface its pages name, each with its own family and both names', () => {
        const named = new Set(adapter.pages.flatMap((p) => (p.surface ? [p.surface as string] : [])));
        expect(new Set(meta.surfaces.map((s) => s.id))).toEqual(named);
        const families = meta.surfaces.map((s) => s.family);
        expect(new Set(families).size).toBe(families.length);
        for (const s of meta.surfaces) {
          expect(s.id.startsWith(`${meta.id}.`), s.id).toBe(true);
          expect(s.names.zh && s.names.en, s.id).toBeTruthy();
        }
      });
      it('ships rules and templates that are valid in their stored shape, for its own platform', () => {
        for (const r of meta.rules) {
          const parsed = RuleSchema.safeParse(r);
          expect(parsed.success, `${r.id}: ${parsed.error?.message ?? ''}`).toBe(true);
          expect(r.match.platforms, r.id).toEqual([meta.id]);
        }
        for (const t of defaultTemplates().filter((x) => meta.templates.some((m) => m.id === x.id))) {
          const parsed = TemplateSchema.safeParse(t);
          expect(parsed.success, `${t.id}: ${parsed.error?.message ?? ''}`).toBe(true);
          expect(t.id.startsWith(`default-${meta.id}-`), t.id).toBe(true);
        }
        expect(DEFAULT_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(meta.rules.map((r) => r.id)));
      });
      it('gives every page a confidence', () => {
        for (const p of adapter.pages) expect(['seen', 'one-source', 'modelled'], p.kind).toContain(p.confidence);
      });
    });
  }

  for (const adapter of adapters) {
    describe(`adapter contract: ${adapter.id} pages`, () => {
      for (const page of adapter.pages) {
        it(`${page.kind} has examples covered by the manifest matches`, () => {
          expect(page.examples.length).toBeGreaterThan(0);
          for (const ex of page.examples)
            expect(
              adapter.matches.some((m) => coveredBy(m, new URL(ex))),
              ex,
            ).toBe(true);
        });

        if (!page.byContent) {
          it(`${page.kind}: every example is this page and no other`, () => {
            for (const ex of page.examples) {
              const url = new URL(ex);
              expect(page.match(url), ex).toBe(true);
              const others = allPages.filter((o) => o.page !== page && matches(o.page, url)).map((o) => o.page.kind);
              expect(others, ex).toEqual([]);
              expect(detectPage(url)?.page.kind, ex).toBe(page.kind);
            }
          });
          continue;
        }

        it(`${page.kind} (found by content) never matches by URL alone`, () => {
          for (const ex of page.examples) expect(page.match(new URL(ex)), ex).toBe(false);
        });

        it(`${page.kind} (found by content) matches one of its fixtures, and no other page claims it`, () => {
          const own = listFixtures(adapter.id).filter(
            (f) => f.startsWith(`${shortName(page)}--`) && f.endsWith('.html'),
          );
          expect(own, `a ${shortName(page)}--*.html fixture`).not.toEqual([]);
          const url = new URL(page.examples[0] ?? 'https://example.invalid/');
          const matched = own.filter((f) => page.match(url, doc(adapter.id, f, url.href)));
          expect(matched, `${page.kind} matches none of ${own.join(', ')}`).not.toEqual([]);
          for (const f of matched) {
            const d = doc(adapter.id, f, url.href);
            const others = allPages.filter((o) => o.page !== page && matches(o.page, url, d)).map((o) => o.page.kind);
            expect(others, f).toEqual([]);
          }
        });

        it(`${page.kind} (found by content) does not match other pages' fixtures`, () => {
          const url = new URL(page.examples[0] ?? 'https://example.invalid/');
          const foreign = listFixtures(adapter.id).filter(
            (f) => f.endsWith('.html') && !f.startsWith(`${shortName(page)}--`),
          );
          const wrong = foreign.filter((f) => page.match(url, doc(adapter.id, f, url.href)));
          expect(wrong).toEqual([]);
        });
      }
    });

    describe(`adapter contract: ${adapter.id} selector evidence`, () => {
      const mod = adapter.selectors;
      const { claims, problems } = claimsOf(mod);
      it('every evidence export names its selector', () => {
        expect(problems).toEqual([]);
        expect(claims.length).toBeGreaterThan(0);
      });
      for (const c of claims) {
        it(`${c.name} finds ${c.count} in ${c.fixture}`, () => {
          expect(fixtureExists(adapter.id, c.fixture), `fixture ${adapter.id}/${c.fixture}`).toBe(true);
          expect(countIn(doc(adapter.id, c.fixture), c.selector)).toBe(c.count);
        });
      }
    });

    describe(`adapter contract: ${adapter.id} endpoints`, () => {
      if (adapter.endpoints.length === 0) {
        it('has no JSON endpoints', () => expect(adapter.endpoints).toEqual([]));
        return;
      }
      it('has unique endpoint ids prefixed by the adapter', () => {
        const ids = adapter.endpoints.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id.startsWith(`${adapter.id}.`), id).toBe(true);
      });
      for (const ep of adapter.endpoints) {
        it(`${ep.id}: evidence fixtures exist and their goldens name this endpoint`, () => {
          expect(ep.evidence.length).toBeGreaterThan(0);
          for (const f of ep.evidence) {
            expect(fixtureExists(adapter.id, f), `${adapter.id}/${f}`).toBe(true);
            if (fixtureExists(adapter.id, `${f}.expected.json`)) {
              const g = JSON.parse(readFileSync(fixturePath(adapter.id, `${f}.expected.json`), 'utf8')) as {
                reader?: string;
                endpoint?: string;
              };
              expect(g.reader === 'endpoint' ? g.endpoint : ep.id, f).toBe(ep.id);
            }
          }
        });
        it(`${ep.id}: the path pattern matches its plausible request URLs and no other endpoint's`, () => {
          const urls = requestsFor(ep, adapter);
          expect(urls, `add a plausible request URL for ${ep.id} to PLAUSIBLE_REQUESTS`).not.toEqual([]);
          for (const u of urls) {
            const url = new URL(u);
            expect(ep.path.test(url.pathname), u).toBe(true);
            expect(
              adapter.matches.some((m) => coveredBy(m, url)),
              u,
            ).toBe(true);
            const others = adapters.flatMap((a) => a.endpoints).filter((o) => o !== ep && o.path.test(url.pathname));
            expect(
              others.map((o) => o.id),
              u,
            ).toEqual([]);
          }
          for (const u of NOT_ENDPOINTS) expect(ep.path.test(new URL(u).pathname), u).toBe(false);
        });
      }
    });

    describe(`adapter contract: ${adapter.id} fixtures`, () => {
      it('fixtures named for a page are referenced somewhere (warning only)', () => {
        const referenced = new Set<string>();
        for (const ep of adapter.endpoints) ep.evidence.forEach((f) => referenced.add(f));
        claimsOf(adapter.selectors).claims.forEach((c) => referenced.add(c.fixture));
        const files = listFixtures(adapter.id);
        for (const f of files) if (f.endsWith('.expected.json')) referenced.add(f.replace(/\.expected\.json$/, ''));
        const sources = [join(ROOT, 'lib'), join(ROOT, 'tests'), join(ROOT, 'scripts')].flatMap((d) => walk(d));
        const text = sources.map((p) => readFileSync(p, 'utf8')).join('\n');
        const shorts = adapter.pages.map(shortName);
        const unreferenced = files.filter(
          (f) =>
            !f.endsWith('.expected.json') &&
            shorts.some((s) => f.startsWith(`${s}--`)) &&
            !referenced.has(f) &&
            !text.includes(f),
        );
        if (unreferenced.length)
          console.warn(`[adapter-contract] ${adapter.id}: fixtures referenced nowhere: ${unreferenced.join(', ')}`);
        expect(Array.isArray(unreferenced)).toBe(true);
      });
    });
  }
}

/** WCAG contrast ratio of a `#rrggbb` colour against white text. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (l + 0.05);
}

/** Source files under a folder (ts/tsx/mjs), skipping fixtures and dependencies. */
function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(?:ts|tsx|mjs|js)$/.test(name) && !/adapter-contract(\.test)?\.ts$/.test(relative(ROOT, p)) ? [p] : [];
  });
}
