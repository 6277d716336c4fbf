/**
 * The MAIN-world path end to end, without a browser: the stand-in pages run in happy-dom with their own
 * scripts (the 服务工单 table with real React), the hook bundle observes them exactly as
 * entrypoints/douyin-hook.content.ts installs it, and what it emits goes through the adapter's readers.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureApp } from '../../../tests/support/build-fixture-app';
import { FIXTURE_NOW, FIXTURES, loadDocument, readFixture } from '../../../tests/support/fixtures';
import { decodePageMessage } from '../../overlay/decode-page-message';
import { openPageChannel, ROW_INDEX_ATTR, type WireMessage } from '../../overlay/page-channel';
import type { ReadContext } from '../types';
import { douyinAdapter as dy } from './index';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BASE = 'https://fxg.jinritemai.com';

/** The hook as the entrypoint installs it, bundled for the page. */
async function hookBuild() {
  return build({
    stdin: {
      contents: `import { installHook } from './lib/overlay/hook';
        import { endpointPaths, recordSource } from './lib/adapters/douyin/endpoints';
        installHook({ paths: Object.values(endpointPaths), records: recordSource });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}
const hookBundle = async () => (await hookBuild()).outputFiles[0]!.text;

interface Run {
  window: Window;
  doc: Document;
  messages: WireMessage[];
  requests: string[];
}

/** Loads a page with the hook first (document_start), answering `/after_sale/pc/list` with `json`. */
async function runPage(html: string, url: string, hook: string, json?: string, now = FIXTURE_NOW): Promise<Run> {
  const requests: string[] = [];
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ request, window: w }) => {
            requests.push(request.url);
            return new w.Response(json ?? '{}', { status: 200, headers: { 'content-type': 'application/json' } });
          },
        },
      },
    },
  });
  (window as unknown as { Date: DateConstructor }).Date.now = () => now;
  // happy-dom has no MessageChannel; the channel uses its ports only as private event targets.
  const W = window as unknown as { EventTarget: new () => EventTarget };
  class Port extends W.EventTarget {
    close() {}
  }
  const channel = () => ({ port1: new Port(), port2: new Port() }) as unknown as MessageChannel;
  const messages: WireMessage[] = [];
  const close = openPageChannel(
    window as unknown as Parameters<typeof openPageChannel>[0],
    (data) => {
      const m = decodePageMessage(data);
      if (m) messages.push(m);
    },
    channel,
  );
  window.addEventListener('beforeunload', close);
  const page = html.replace('<head>', () => `<head><script>${hook}</script>`);
  window.document.write(page);
  for (let i = 0; i < 5; i++) {
    await window.happyDOM.waitUntilComplete();
    await new Promise((r) => setTimeout(r, 40));
  }
  return { window, doc: window.document as unknown as Document, messages, requests };
}

const ctx = (url: string): ReadContext => ({ now: FIXTURE_NOW, pageUrl: new URL(url) });

let hook = '';
beforeAll(async () => {
  hook = await hookBundle();
});

/** service--base.html with the app bundle inlined (the fixture server serves it at this path). */
async function servicePage(): Promise<string> {
  const app = await buildFixtureApp(join(FIXTURES, 'douyin', 'service-app.tsx'));
  return readFixture('douyin', 'service--base.html').replace(
    '<script src="/__fixtures__/douyin/service-app.js"></script>',
    () => `<script>${app.replace(/<\/script/gi, '<\\/script')}</script>`,
  );
}

describe('MAIN world: 服务工单 with real React', () => {
  it('opened on another day, the stand-in moves its times so countdowns stay the same', async () => {
    const url = `${BASE}/ffa/task-order/service`;
    const later = FIXTURE_NOW + 3 * 86_400_000 + 5 * 3_600_000 + 17 * 60_000;
    const at = (now: number) => ({ now, pageUrl: new URL(url) });
    const run = await runPage(await servicePage(), url, hook, undefined, later);
    try {
      const moved = dy.readRows!(run.doc, 'douyin.service-tickets', at(later)).tickets;
      const fixed = dy.readRows!(
        loadDocument('douyin', 'service--rendered.html', url),
        'douyin.service-tickets',
        at(FIXTURE_NOW),
      ).tickets;
      expect(moved.map((t) => t.deadline && t.deadline.type === 'remaining' && t.deadline.ms)).toEqual(
        fixed.map((t) => t.deadline && t.deadline.type === 'remaining' && t.deadline.ms),
      );
      // Minute-precision texts (`11-24 20:30`, `今天 09:40`) move by whole minutes.
      moved.forEach((t, i) =>
        expect(Math.abs(t.createdAt! - fixed[i]!.createdAt! - (later - FIXTURE_NOW))).toBeLessThan(60_000),
      );
    } finally {
      await run.window.happyDOM.close();
    }
  });

  it('reads row records through the fiber, pairs them with rows by 工单ID', async () => {
    const url = `${BASE}/ffa/task-order/service?tab=all`;
    const run = await runPage(await servicePage(), url, hook);
    try {
      const msg = run.messages.filter((m) => m.type === 'records').at(-1);
      expect(msg?.type).toBe('records');
      if (msg?.type !== 'records') return;
      // The hook clones exactly the records the app was given (the fixture).
      expect(msg.records.map((r) => r.record)).toEqual(JSON.parse(readFixture('douyin', 'service--records.json')));
      expect(run.doc.querySelectorAll(`[${ROW_INDEX_ATTR}]`).length).toBe(5);

      const fromRecords = msg.records.flatMap(
        (r) => dy.readRecord!(r.record, 'douyin.service-tickets', ctx(url)).tickets,
      );
      const anchors = dy.rows(run.doc, 'douyin.service-tickets');
      // Pairing by id, as the overlay does (viewFor: nativeId, then orderId): every ticket finds its row.
      for (const t of fromRecords) {
        const a = anchors.find((x) => x.nativeId === t.nativeId);
        expect(a?.row.getAttribute(ROW_INDEX_ATTR), t.nativeId).toBe(
          String(
            msg.records.findIndex(
              (r) => (r.record as { orderService: { service_id: string } }).orderService.service_id === t.nativeId,
            ),
          ),
        );
      }
      // The DOM-text reader on the live page gives the same keys.
      expect(dy.readRows!(run.doc, 'douyin.service-tickets', ctx(url)).tickets.map((t) => t.nativeId)).toEqual(
        fromRecords.map((t) => t.nativeId),
      );
    } finally {
      await run.window.happyDOM.close();
    }
  });
});

describe('MAIN world: 售后 list response', () => {
  for (const transport of ['xhr', 'fetch']) {
    it(`copies the signed ${transport} response; readers and anchors agree`, async () => {
      const url = `${BASE}/ffa/merchant-aftersale-workbench/aftersale/list${transport === 'fetch' ? '?__transport=fetch' : ''}`;
      const run = await runPage(
        readFixture('douyin', 'aftersale-list--base.html'),
        url,
        hook,
        readFixture('douyin', 'aftersale-list--base.json'),
      );
      try {
        expect(run.requests).toHaveLength(1);
        expect(run.requests[0]).toMatch(/\/after_sale\/pc\/list\?msToken=[^&]+&a_bogus=/);
        const msg = run.messages.find((m) => m.type === 'response');
        expect(msg?.type === 'response' && msg.transport).toBe(transport);
        if (msg?.type !== 'response') return;
        const ep = dy.endpoints.find((e) => e.path.test(new URL(msg.url).pathname));
        const result = ep!.read(JSON.parse(msg.body), ctx(url));
        expect(result.tickets).toHaveLength(6);
        const anchors = dy.rows(run.doc, 'douyin.aftersale-list');
        expect(anchors.map((a) => a.nativeId)).toEqual(result.tickets.map((t) => t.nativeId));
      } finally {
        await run.window.happyDOM.close();
      }
    });
  }
});

describe('MAIN bundle stays small', () => {
  it('endpoints.ts imports nothing (no zod, no readers)', async () => {
    const r = await build({
      entryPoints: [join(import.meta.dirname, 'endpoints.ts')],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(r.metafile.inputs)).toEqual(['lib/adapters/douyin/endpoints.ts']);
  });

  it('the hook bundle carries no zod and no Douyin reader', async () => {
    const inputs = Object.keys((await hookBuild()).metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/zod|douyin\/(?!endpoints)/.test(i))).toEqual([]);
  });
});
