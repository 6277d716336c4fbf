/**
 * Golden outputs: every fixture with a sibling `.expected.json` is read by the named reader and compared.
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts` rewrites them; review the diff before committing.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../lib/adapters/registry';
import type { PageKind, ReadResult } from '../../lib/adapters/types';
import { FIXTURE_NOW, fixturePath, listFixtures, loadDocument, readFixture } from '../support/fixtures';

interface Golden {
  /** `endpoint`: JSON fixture through an endpoint reader; `rows`: HTML through readRows; `record`: JSON records through readRecord. */
  reader: 'endpoint' | 'rows' | 'record';
  endpoint?: string;
  page?: PageKind;
  url: string;
  now?: number;
  /** The request body the page sent (list filters decide `complete`). */
  request?: unknown;
  output: unknown;
}

function run(platform: string, fixture: string, g: Golden): unknown {
  const adapter = adapters.find((a) => a.id === platform);
  if (!adapter) throw new Error(`no adapter ${platform}`);
  const ctx = {
    now: g.now ?? FIXTURE_NOW,
    pageUrl: new URL(g.url),
    ...(g.request !== undefined ? { request: { body: g.request } } : {}),
  };
  if (g.reader === 'rows') {
    const doc = loadDocument(platform, fixture, g.url);
    return summarize(adapter.readRows!(doc, g.page!, ctx));
  }
  let json: unknown;
  try {
    json = JSON.parse(readFixture(platform, fixture));
  } catch {
    return { error: 'json-invalid' };
  }
  if (g.reader === 'record') {
    const records = Array.isArray(json) ? json : [json];
    return records.map((r) => summarize(adapter.readRecord!(r, g.page!, ctx)));
  }
  const ep = adapter.endpoints.find((e) => e.id === g.endpoint);
  if (!ep) throw new Error(`no endpoint ${g.endpoint}`);
  return summarize(ep.read(json, ctx));
}

const summarize = (r: ReadResult) => JSON.parse(JSON.stringify(r)) as unknown;

for (const adapter of adapters) {
  describe(`golden: ${adapter.id}`, () => {
    const files = listFixtures(adapter.id);
    const goldens = files.filter((f) => f.endsWith('.expected.json'));
    it('has golden outputs', () => expect(goldens.length).toBeGreaterThan(0));
    for (const g of goldens) {
      const fixture = g.replace(/\.expected\.json$/, '');
      it(fixture, () => {
        const golden = JSON.parse(readFileSync(fixturePath(adapter.id, g), 'utf8')) as Golden;
        const actual = run(adapter.id, fixture, golden);
        if (process.env.UPDATE_GOLDEN) {
          writeFileSync(fixturePath(adapter.id, g), JSON.stringify({ ...golden, output: actual }, null, 2) + '\n');
        } else {
          expect(actual).toEqual(golden.output);
        }
      });
    }
  });
}
