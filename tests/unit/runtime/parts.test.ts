/**
 * Long bodies across both hops (issue 11): the hook's head and parts reassembled by the page session, in
 * order with what follows, and the upload to the real background handler, also when the worker restarts
 * in the middle of it (world.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBodyParts } from '../../../lib/background/body-parts';
import { handleMessage, type HandlerDeps } from '../../../lib/background/handlers';
import { RadarDb } from '../../../lib/db/schema';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import type { Request } from '../../../lib/messaging/protocol';
import { PageMessageError, readPage } from '../../../lib/overlay/messages';
import { PART_CHARS } from '../../../lib/overlay/page-channel';
import { deliverWithRetry } from '../../../lib/overlay/retry';
import { LIST, NOW, ORIGIN, testAdapter, world, type World } from './world';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** The test endpoint's answer naming `ids`, padded with Chinese past `chars` characters. */
const longJson = (ids: string[], chars: number) =>
  JSON.stringify({ shopId: 'S1', items: ids.map((id, i) => ({ id, h: i + 1 })), pad: '货'.repeat(chars) });
const meta = { url: `${ORIGIN}/api/list`, receivedAt: NOW, transport: 'fetch' };
/** A body as the hook sends it when it is over PART_CHARS: a head, then its parts. */
const inParts = (copy: string, body: string) => [
  { type: 'head', ...meta, copy, chars: body.length },
  ...Array.from({ length: Math.ceil(body.length / PART_CHARS) }, (_, seq) => ({
    type: 'part',
    copy,
    seq,
    text: body.slice(seq * PART_CHARS, (seq + 1) * PART_CHARS),
  })),
];
const keys = async (wd: World) => (await wd.db.tickets.toArray()).map((t) => t.key).sort();

describe('long bodies: page session', () => {
  it('a body in parts is read and stored, and the response after it is read after it', async () => {
    w = await world({ features: [] });
    for (const m of inParts('c1', longJson(['2001', '2002'], 2.5 * PART_CHARS))) w.post(m);
    w.respond({ shopId: 'S1', items: [{ id: '2003', h: 5 }] });
    await w.settle();
    expect(await keys(w)).toEqual(['pdd:S1:workorder:2001', 'pdd:S1:workorder:2002', 'pdd:S1:workorder:2003']);
    expect(w.sent.map((b) => b.ids)).toEqual([['2001', '2002'], ['2003']]);
    expect(w.reports).toEqual([]);
  });

  it('parts that do not fit together store nothing of that copy and are recorded as response-incomplete', async () => {
    w = await world({ features: [] });
    const wire = inParts('c1', longJson(['2001'], 2.5 * PART_CHARS));
    for (const m of [wire[0], wire[2], wire[1], wire[3]]) w.post(m); // out of order
    const forged = inParts('c2', longJson(['2002'], 1.5 * PART_CHARS));
    w.post(forged[0]);
    w.post({ ...forged[1], text: 'x' }); // of the wrong length
    w.respond({ shopId: 'S1', items: [{ id: '2003', h: 5 }] });
    await w.settle();
    expect(await keys(w)).toEqual(['pdd:S1:workorder:2003']);
    expect(w.reports.map((r) => r.code)).toEqual(['response-incomplete', 'response-incomplete']);
  });
});

describe('long bodies: upload to the worker', () => {
  const db = () => new RadarDb(`parts-${Math.random().toString(36).slice(2)}`);
  const deps = (): HandlerDeps => ({
    db: db(),
    now: () => NOW,
    settings: async () => DEFAULT_SETTINGS,
    self: { id: 'extid', origin: 'chrome-extension://extid' },
    marketplaceMatches: [`${ORIGIN}/*`],
    adapters: [testAdapter],
    bodyParts: createBodyParts(() => NOW),
  });
  const sender = { id: 'extid', url: LIST, tab: { id: 1 }, frameId: 0, documentId: 'd1' };
  const req = (body: string) => ({
    platform: 'pdd' as const,
    pageKind: 'pdd.test-list',
    now: NOW,
    pageUrl: LIST,
    source: { kind: 'response' as const, endpoint: 'pdd.test', url: `${ORIGIN}/api/list`, body },
  });

  it('goes in parts of PART_CHARS and reads as the whole body would', async () => {
    const d = deps();
    const sent: Request[] = [];
    const body = longJson(['3001'], 2 * PART_CHARS);
    const result = await readPage(req(body), (m) => (sent.push(m), handleMessage(m, sender, d)));
    expect(sent.map((m) => m.type)).toEqual(['pages/part', 'pages/part', 'pages/part', 'pages/read']);
    expect(sent.every((m) => JSON.stringify(m).length < PART_CHARS + 1000)).toBe(true);
    expect(result.views.map((v) => v.nativeId)).toEqual(['3001']);
    // A short body goes in the read itself.
    sent.length = 0;
    await readPage(req(longJson(['3002'], 10)), (m) => (sent.push(m), handleMessage(m, sender, d)));
    expect(sent.map((m) => m.type)).toEqual(['pages/read']);
  });

  it('a worker that restarted mid-upload has lost the parts: the read is sent again, whole, and succeeds', async () => {
    const d = deps();
    const sent: string[] = [];
    let restarted = false;
    const send = (m: Request) => {
      sent.push(m.type === 'pages/part' ? `part ${m.seq}` : m.type);
      // The worker stops after the second part; the next one starts with nothing in memory.
      if (m.type === 'pages/part' && m.seq === 2 && !restarted) {
        restarted = true;
        d.bodyParts = createBodyParts(() => NOW);
      }
      return handleMessage(m, sender, d);
    };
    const body = longJson(['4001'], 2 * PART_CHARS);
    const r = await deliverWithRetry(() => readPage(req(body), send), {
      final: (e) => e instanceof PageMessageError && e.refused,
      setTimeout: (fn) => setTimeout(fn, 0),
    });
    expect(r.ok && r.value.views.map((v) => v.nativeId)).toEqual(['4001']);
    expect(sent).toEqual(['part 0', 'part 1', 'part 2', 'part 0', 'part 1', 'part 2', 'pages/read']);
  });
});
