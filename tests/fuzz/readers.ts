/**
 * Fuzzing every reader with mutations of the real fixtures (issue 11). A surface is one reader of one
 * adapter (an endpoint reader, readRecord or readRows of a page kind), seeded by the fixtures whose goldens
 * name it. Each case applies 1–6 mutations to a seed: wrong types, missing and renamed fields, huge
 * strings, NaN and infinities, far times, `__proto__` keys (JSON); garbage text, removed attributes and
 * renamed classes (HTML). A reader must never throw, never yield a ticket that fails RawTicketSchema, and
 * never yield a deadline from garbage (every deadline it yields is a plausible one: within a year of now).
 *
 * Used by tests/unit/fuzz.test.ts (`npm test`, 500 cases per surface) and `npm run fuzz` (10,000).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { adapters } from '../../lib/adapters/registry';
import type { MarketplaceAdapter, PageKind, ReadContext, ReadResult } from '../../lib/adapters/types';
import { RawTicketSchema } from '../../lib/model/ticket';
import { validateTickets } from '../../lib/adapters/validate';
import { FIXTURE_NOW, fixturePath, listFixtures, readFixture } from '../support/fixtures';

interface Golden {
  reader: 'endpoint' | 'rows' | 'record';
  endpoint?: string;
  page?: PageKind;
  url: string;
  now?: number;
  request?: unknown;
}

export interface Surface {
  name: string;
  kind: 'json' | 'html';
  seeds: { text: string; golden: Golden }[];
  run(input: unknown, golden: Golden): ReadResult[];
}

const ctxOf = (g: Golden): ReadContext => ({
  now: g.now ?? FIXTURE_NOW,
  pageUrl: new URL(g.url),
  ...(g.request !== undefined ? { request: { body: g.request } } : {}),
});

export function surfaces(): Surface[] {
  const byName = new Map<string, Surface>();
  for (const adapter of adapters) {
    for (const file of listFixtures(adapter.id).filter((f) => f.endsWith('.expected.json'))) {
      const golden = JSON.parse(readFileSync(fixturePath(adapter.id, file), 'utf8')) as Golden;
      const fixture = file.replace(/\.expected\.json$/, '');
      const name = `${adapter.id} ${golden.reader} ${golden.endpoint ?? golden.page}`;
      const s = byName.get(name) ?? makeSurface(adapter, name, golden);
      byName.set(name, s);
      s.seeds.push({ text: readFixture(adapter.id, fixture), golden });
    }
  }
  // Seeds that are not JSON (the malformed fixtures) are fuzzed as they are: JSON surfaces need JSON seeds.
  for (const s of byName.values())
    if (s.kind === 'json')
      s.seeds = s.seeds.filter(({ text }) => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      });
  return [...byName.values()].filter((s) => s.seeds.length > 0);
}

function makeSurface(adapter: MarketplaceAdapter, name: string, g: Golden): Surface {
  if (g.reader === 'rows')
    return {
      name,
      kind: 'html',
      seeds: [],
      // DOM-text readers run on the page and only clip; the worker validates each ticket when the batch is
      // ingested (lib/adapters/validate.ts). What would be stored is what the property is about.
      run: (doc, gg) => {
        const r = adapter.readRows!(doc as Document, gg.page!, ctxOf(gg));
        return [{ ...r, tickets: validateTickets(r.tickets, []) }];
      },
    };
  if (g.reader === 'record')
    return {
      name,
      kind: 'json',
      seeds: [],
      run: (json, gg) => (Array.isArray(json) ? json : [json]).map((r) => adapter.readRecord!(r, gg.page!, ctxOf(gg))),
    };
  const ep = adapter.endpoints.find((e) => e.id === g.endpoint)!;
  return { name, kind: 'json', seeds: [], run: (json, gg) => [ep.read(json, ctxOf(gg))] };
}

// ---- JSON mutations ----

const HUGE = 'x'.repeat(200_000);
const garbage = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    null,
    undefined,
    0,
    -1,
    1e15,
    -1e12,
    8.64e15,
    9e18,
    Number.MAX_SAFE_INTEGER,
    4102444800, // 2100 in seconds
    253402300799999, // 9999-12-31 in ms
    '',
    ' ',
    'NaN',
    '1e400',
    '9999-99-99 99:99:99',
    '剩余-999小时',
    '__proto__',
    HUGE,
    [],
    {},
    true,
    false,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer(), { maxLength: 4 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
);

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (out.length > 4000) return out;
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === '__proto__') continue; // planted by a mutation: a leaf, never walked through
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(x, p, out);
    }
  }
  return out;
}

const jsonMutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'rename', 'proto', 'grow', 'stringify'),
  value: garbage,
});
type JsonMutation = { pick: number; op: string; value: unknown };

function mutateJson(seed: unknown, muts: JsonMutation[]): unknown {
  const root = JSON.parse(JSON.stringify(seed)) as unknown;
  for (const m of muts) {
    const all = paths(root);
    if (!all.length) return m.value;
    const path = all[m.pick % all.length]!;
    let parent = root as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const key = path.at(-1)!;
    if (!parent || typeof parent !== 'object') continue;
    switch (m.op) {
      case 'replace':
        parent[key] = m.value;
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          parent[`${String(key)}_renamed`] = parent[key];
          delete parent[key];
        }
        break;
      case 'proto':
        Object.defineProperty(parent, '__proto__', {
          value: m.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        break;
      case 'grow':
        if (Array.isArray(parent[key])) {
          const arr = parent[key] as unknown[];
          if (arr.length) parent[key] = Array.from({ length: 600 }, (_, i) => arr[i % arr.length]);
        } else if (typeof parent[key] === 'string') parent[key] = (parent[key] as string) + HUGE;
        break;
      case 'stringify':
        parent[key] = typeof parent[key] === 'number' ? String(parent[key]) : m.value;
        break;
    }
  }
  return root;
}

// ---- HTML mutations ----

// DOM text readers scan text with regexes: 20k characters is a long cell, 200k made a case take seconds.
const TEXTS = [
  'x'.repeat(20_000),
  '',
  '剩余-999小时',
  '剩余 99999天',
  '9999-99-99 99:99',
  '1970-01-01 00:00',
  '2100-01-01 00:00:00',
  'NaN',
  '<img src=x onerror=alert(1)>',
  '工单编号：__proto__',
  '超时时间：1e400',
];
const htmlMutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('text', 'remove-attr', 'rename-class', 'remove', 'duplicate'),
  text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 30 })),
});
type HtmlMutation = { pick: number; op: string; text: string };

function mutateHtml(html: string, url: string, muts: HtmlMutation[]): { doc: Document; close: () => void } {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const els = [...doc.body.querySelectorAll('*')];
  for (const m of muts) {
    if (!els.length) break;
    const el = els[m.pick % els.length]!;
    switch (m.op) {
      case 'text':
        el.textContent = m.text;
        break;
      case 'remove-attr': {
        const a = el.attributes[m.pick % Math.max(1, el.attributes.length)];
        if (a) el.removeAttribute(a.name);
        break;
      }
      case 'rename-class':
        el.className = String(el.className).replace(/[A-Za-z]/, 'Z');
        break;
      case 'remove':
        el.remove();
        break;
      case 'duplicate':
        el.after(el.cloneNode(true));
        break;
    }
  }
  return { doc, close: () => void window.happyDOM.close() };
}

// ---- the property ----

const YEAR = 366 * 86_400_000;

/** Why a result breaks a rule, or undefined. */
export function violation(results: ReadResult[], now: number): string | undefined {
  for (const r of results) {
    if (!r || !Array.isArray(r.tickets) || !Array.isArray(r.issues)) return 'not a ReadResult';
    for (const t of r.tickets) {
      const p = RawTicketSchema.safeParse(t);
      if (!p.success) return `invalid ticket: ${p.error.issues.map((i) => i.path.join('.')).join(', ')}`;
      const d = t.deadline;
      if (d?.type === 'at' && (d.at > now + YEAR || d.at < now - 2 * YEAR)) return `implausible deadline ${d.at}`;
      if (d?.type === 'remaining' && (!Number.isFinite(d.ms) || Math.abs(d.ms) > YEAR))
        return `implausible remaining ${d.ms}`;
      for (const k of ['createdAt', 'shippedAt'] as const)
        if (t[k] !== undefined && t[k]! > now + YEAR) return `${k} far in the future`;
    }
  }
  if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype polluted';
  return undefined;
}

/** Runs `numRuns` cases against one surface; throws (with fast-check's shrunk counterexample) on a violation. */
export function fuzzSurface(s: Surface, numRuns: number, seed?: number): number {
  let cases = 0;
  const seedIndex = fc.nat({ max: s.seeds.length - 1 });
  const prop =
    s.kind === 'json'
      ? fc.property(seedIndex, fc.array(jsonMutation, { minLength: 1, maxLength: 6 }), (i, muts) => {
          cases++;
          const { text, golden } = s.seeds[i]!;
          const input = mutateJson(JSON.parse(text), muts);
          let out: ReadResult[];
          try {
            out = s.run(input, golden);
          } catch (e) {
            throw new Error(`${s.name} threw: ${e instanceof Error ? e.message : String(e)}`);
          }
          const v = violation(out, golden.now ?? FIXTURE_NOW);
          if (v) throw new Error(`${s.name}: ${v}`);
        })
      : fc.property(seedIndex, fc.array(htmlMutation, { minLength: 1, maxLength: 6 }), (i, muts) => {
          cases++;
          const { text, golden } = s.seeds[i]!;
          const { doc, close } = mutateHtml(text, golden.url, muts);
          try {
            let out: ReadResult[];
            try {
              out = s.run(doc, golden);
            } catch (e) {
              throw new Error(`${s.name} threw: ${e instanceof Error ? e.message : String(e)}`);
            }
            const v = violation(out, golden.now ?? FIXTURE_NOW);
            if (v) throw new Error(`${s.name}: ${v}`);
          } finally {
            close();
          }
        });
  fc.assert(prop as fc.IProperty<[number, unknown[]]>, { numRuns, ...(seed !== undefined ? { seed } : {}) });
  return cases;
}
