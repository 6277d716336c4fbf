/**
 * The SPA stand-ins (`*--base.html`) served to a live browser for e2e tests and demos: with their time
 * placeholders filled and their scripts run, the adapter must find the page and read every row, with
 * times relative to the moment they were served.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, readFixture } from '../../../tests/support/fixtures';
import { fillTimePlaceholders } from '../../../tests/support/time-placeholders';
import { detectPage } from '../registry';
import { taobaoAdapter } from './index';

const H = 3600_000;
const M = 60_000;
const D = 24 * H;
// An arbitrary "served at" instant, not FIXTURE_NOW, so nothing passes by accident.
const NOW = Date.UTC(2027, 2, 3, 7, 41, 0);

describe('fillTimePlaceholders', () => {
  it.each([
    ['{{T}}', '2026-11-25 10:00:00'],
    ['{{T-2h}}', '2026-11-25 08:00:00'],
    ['{{T+1d}}', '2026-11-26 10:00:00'],
    ['{{T-1d2h30m}}', '2026-11-24 07:30:00'],
    ['{{T+90s}}', '2026-11-25 10:01:30'],
    ['{{T-30m|MM-DD HH:mm}}', '11-25 09:30'],
  ])('%s → %s (Beijing)', (p, text) => {
    expect(fillTimePlaceholders(`<td>${p}</td>`, FIXTURE_NOW)).toBe(`<td>${text}</td>`);
  });

  it('leaves other braces alone', () => {
    expect(fillTimePlaceholders('{{H}} {{T-2x}} {{ T }}', FIXTURE_NOW)).toBe('{{H}} {{T-2x}} {{ T }}');
  });

  it('fills every placeholder of the stand-in pages', () => {
    for (const f of ['refund-list--base.html', 'task-tickets--base.html']) {
      const html = readFixture('taobao', f);
      expect(html).toMatch(/\{\{T[-+]/);
      expect(fillTimePlaceholders(html, NOW)).not.toMatch(/\{\{T/);
    }
  });
});

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) {
    (w as unknown as { __stopTimers?: () => void }).__stopTimers?.();
    await w.happyDOM.abort();
    await w.happyDOM.close();
  }
});

/** Serves a stand-in like the e2e server (placeholders filled) and lets its script render the rows. */
async function serve(fixture: string, url: string): Promise<Document> {
  const w = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } as never,
  });
  windows.push(w);
  w.document.write(fillTimePlaceholders(readFixture('taobao', fixture), NOW));
  await new Promise((r) => setTimeout(r, 80));
  return w.document as unknown as Document;
}

describe('refund-list--base.html (SPA stand-in)', () => {
  const URL_ = 'https://myseller.taobao.com/home.htm/trade-platform/refund-list?__delay=10';

  it('rows render after a delay and read like the static fixture, relative to the time served', async () => {
    const doc = await serve('refund-list--base.html', URL_);
    expect(detectPage(new URL(URL_), doc)?.page.kind).toBe('taobao.refund-list');
    const r = taobaoAdapter.readRows!(doc, 'taobao.refund-list', { now: NOW, pageUrl: new URL(URL_) });
    expect(r.issues).toEqual([]);
    expect(r.tickets.map((t) => [t.nativeId, t.kind, t.status])).toEqual([
      ['204812345670001001', 'refund', 'pending'],
      ['204812345670001002', 'return', 'pending'],
      ['204812345670001003', 'exchange', 'pending'],
      ['204812345670001004', 'refund', 'done'],
    ]);
    expect(r.tickets.map((t) => t.createdAt)).toEqual([
      NOW - 22 * H - 28 * M,
      NOW - 2 * D - 45 * M,
      NOW - 13 * H - 55 * M,
      NOW - 4 * D - 19 * H - 38 * M,
    ]);
    const [countdown, at, overdue] = r.tickets.map((t) => t.deadline);
    // The countdown ticks in the page from when it rendered: a few seconds of slack.
    expect(countdown?.type === 'remaining' && Math.abs(countdown.ms - (D + H + 32 * M))).toBeLessThan(5000);
    expect(at).toEqual({ type: 'at', at: NOW + D });
    expect(overdue).toEqual({ type: 'remaining', ms: -(2 * H + 15 * M), receivedAt: NOW });
    expect(taobaoAdapter.rows(doc, 'taobao.refund-list')).toHaveLength(4);
  });

  it('before the rows render: loading, nothing reported', async () => {
    const w = new Window({ url: URL_ });
    windows.push(w);
    w.document.write(fillTimePlaceholders(readFixture('taobao', 'refund-list--base.html'), NOW));
    const r = taobaoAdapter.readRows!(w.document as unknown as Document, 'taobao.refund-list', {
      now: NOW,
      pageUrl: new URL(URL_),
    });
    expect(r).toMatchObject({ tickets: [], issues: [] });
  });

  it('?__state=empty and ?__state=logged-out', async () => {
    const empty = await serve('refund-list--base.html', `${URL_}&__state=empty`);
    expect(taobaoAdapter.readRows!(empty, 'taobao.refund-list', { now: NOW, pageUrl: new URL(URL_) })).toMatchObject({
      tickets: [],
      issues: [],
    });
    const out = await serve('refund-list--base.html', `${URL_}&__state=logged-out`);
    expect(taobaoAdapter.readRows!(out, 'taobao.refund-list', { now: NOW, pageUrl: new URL(URL_) })).toMatchObject({
      loggedOut: true,
      issues: [{ code: 'not-logged-in' }],
    });
  });
});

describe('task-tickets--base.html (SPA stand-in) [modelled]', () => {
  const URL_ = 'https://myseller.taobao.com/home.htm/unknown-task-route?__delay=10';

  it('found by content once rendered, rows read relative to the time served', async () => {
    const doc = await serve('task-tickets--base.html', URL_);
    expect(detectPage(new URL(URL_), doc)?.page.kind).toBe('taobao.task-tickets');
    const r = taobaoAdapter.readRows!(doc, 'taobao.task-tickets', { now: NOW, pageUrl: new URL(URL_) });
    expect(r.issues).toEqual([]);
    expect(r.tickets.map((t) => [t.nativeId, t.kind, t.status, t.createdAt])).toEqual([
      ['8810000123451', 'urge-pickup', 'pending', NOW - 17 * H - 40 * M],
      ['8810000123452', 'urge-ship', 'pending', NOW - H - 55 * M],
      ['8810000123453', 'urge-pickup', 'pending', NOW - D - 30 * M],
      ['8810000123454', 'urge-pickup', 'done', NOW - D - 16 * H],
      ['8810000123455', 'service-request', 'processing', NOW - 12 * H - 49 * M],
    ]);
    expect(r.tickets[2]?.deadline).toEqual({ type: 'remaining', ms: -30 * M, receivedAt: NOW });
  });

  it('the empty list is not a task page (nothing to read)', async () => {
    const doc = await serve('task-tickets--base.html', `${URL_}&__state=empty`);
    expect(detectPage(new URL(URL_), doc)).toBeUndefined();
  });
});
