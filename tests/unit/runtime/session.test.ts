/**
 * The page session, pipeline and features on a happy-dom page against the real background handler
 * (world.ts). Orders of arrival are chosen by the test: deterministic under any load.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countdownBadge, MAX_REMOUNTS } from '../../../lib/features/countdown-badge';
import type { Feature } from '../../../lib/features/types';
import { H, LIST, NOW, ORIGIN, rowsHtml, testAdapter, world, type World } from './world';

const IDS = ['1001', '1002', '1003', '1004', '1005', '1006'];
const json = { shopId: 'S1', items: IDS.map((id, i) => ({ id, h: i + 1 })) };
let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const keysIn = async (wd: World) => (await wd.db.tickets.toArray()).map((t) => t.key).sort();
const realKeys = IDS.map((id) => `pdd:S1:workorder:${id}`).sort();

describe('page session: identity whatever the order of reads', () => {
  it('response before DOM: one ticket and one badge per row, under the shop the response names', async () => {
    w = await world({ features: [countdownBadge] });
    w.respond(json);
    await w.settle();
    expect(w.badges()).toHaveLength(0); // no rows yet
    w.win.document.body.innerHTML = rowsHtml(IDS);
    await w.settle();
    expect(
      w
        .badges()
        .map((b) => b.getAttribute('data-ticket-key'))
        .sort(),
    ).toEqual(realKeys);
    expect(await keysIn(w)).toEqual(realKeys);
    expect(w.sent.every((r) => r.shop.shopId === 'S1')).toBe(true);
  });

  it('DOM before response (the 抖店 race): the stand-in rows move to the real shop, stale badges go', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge], hold: true });
    // The DOM read goes first, under the header-name stand-in, and is held in the worker.
    await vi.waitFor(() => expect(w!.sent).toHaveLength(1));
    const standIn = w.sent[0]!.shop.shopId;
    expect(standIn).toMatch(/^name-/);
    w.release();
    await vi.waitFor(async () => expect(await keysIn(w!)).toHaveLength(6));
    await vi.waitFor(() => expect(w!.badges()).toHaveLength(6));
    expect(w.badges()[0]!.getAttribute('data-ticket-key')).toContain(`:${standIn}:`);
    // An alert was already sent under the stand-in key: it must follow the ticket, not be sent again.
    await w.db.alerts.put({
      id: `pdd:${standIn}:workorder:1001|0`,
      ticketKey: `pdd:${standIn}:workorder:1001`,
      dueAt: NOW + H,
      sentAt: NOW,
    });

    w.autoRelease(true);
    w.respond(json);
    await w.settle();
    expect(w.sent[1]!.supersedes).toEqual([{ shopId: standIn, nativeIds: IDS }]);
    expect(await keysIn(w)).toEqual(realKeys);
    expect(
      w
        .badges()
        .map((b) => b.getAttribute('data-ticket-key'))
        .sort(),
    ).toEqual(realKeys);
    expect(await w.db.alerts.toArray()).toEqual([
      { id: 'pdd:S1:workorder:1001|0', ticketKey: 'pdd:S1:workorder:1001', dueAt: NOW + H, sentAt: NOW },
    ]);
    expect(w.rekeyed).toContainEqual([`pdd:${standIn}:workorder:1001`, 'pdd:S1:workorder:1001']);
    // Later DOM reads stay with the real shop.
    w.win.document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="row" data-id="1007" data-h="9"><span class="slot"></span></div>',
    );
    await w.settle();
    expect(w.sent.slice(2).every((r) => r.shop.shopId === 'S1')).toBe(true);
    expect(await keysIn(w)).toContain('pdd:S1:workorder:1007');
    expect((await keysIn(w)).filter((k) => !k.startsWith('pdd:S1:'))).toEqual([]);
  });

  it('with the DOM fallback grace, a response in time is the only read: its exact deadlines, no stand-in', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge], domGraceMs: 300 });
    await w.settle();
    expect(w.sent).toHaveLength(0); // the DOM text waits for the structured read
    w.respond(json);
    await w.settle();
    expect(w.sent.map((r) => r.shop.shopId)).toEqual(['S1']);
    expect(w.badges()).toHaveLength(6);
  });

  it('with the grace over and no response, the DOM text gives the badges', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge], domGraceMs: 100 });
    await vi.waitFor(() => expect(w!.badges()).toHaveLength(6));
    expect(w.sent[0]!.shop.shopId).toMatch(/^name-/);
  });

  it('a records page whose rows carry no record: the DOM text is read at once, not after the grace', async () => {
    w = await world({
      url: `${ORIGIN}/test/records`,
      html: rowsHtml(IDS),
      features: [countdownBadge],
      domGraceMs: 60_000,
    });
    await w.settle();
    expect(w.sent).toHaveLength(0); // waiting for the records
    w.records([]); // the hook saw the rows, none with a record
    await vi.waitFor(() => expect(w!.badges()).toHaveLength(6));
    expect(w.sent).toHaveLength(1);
  });

  it('a reload that reads the DOM first again joins the real shop already stored: no second copy', async () => {
    w = await world({ features: [countdownBadge] });
    w.respond(json);
    await w.settle();
    const dbName = w.db.name;
    await w.close(true);
    // A second page session (a reload) reads the DOM first again.
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge], dbName });
    await w.settle();
    expect(await keysIn(w)).toEqual(realKeys);
    w.respond(json);
    await w.settle();
    expect(w.badges()).toHaveLength(6);
    expect(await keysIn(w)).toEqual(realKeys);
  });
});

describe('page session: what counts as a change', () => {
  it('a running countdown ticking in a row is not re-read; any other edit of its text is', async () => {
    const html =
      `<div class="shop">测试旗舰店</div>` +
      `<div class="row" data-id="1001" data-h="1"><b class="no">1001</b> <b class="cd">剩余1天02时03分04秒</b>` +
      `<span class="slot"></span></div>`;
    w = await world({ html, features: [countdownBadge] });
    w.respond({ shopId: 'S1', items: [{ id: '1001', h: 1 }] });
    await w.settle();
    expect(w.badges()).toHaveLength(1);
    const scans = vi.spyOn(testAdapter, 'rows');
    const doc = w.win.document;
    const countdown = doc.querySelector('.cd')!;
    countdown.textContent = '剩余1天02时03分03秒'; // the page's own countdown ticks
    countdown.textContent = '剩余1天02时02分59秒';
    await w.settle();
    expect(scans).not.toHaveBeenCalled();
    countdown.textContent = '已超时'; // a status, not a tick
    await w.settle();
    expect(scans).toHaveBeenCalled();
    scans.mockClear();
    doc.querySelector('.no')!.textContent = '1002'; // a row re-used for another ticket: digits, not a countdown
    await w.settle();
    expect(scans).toHaveBeenCalled();
  });
});

describe('page session: SPA navigation and re-mount caps', () => {
  it('an SPA restart takes the badges off and the next page mounts its own once', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge] });
    w.respond(json);
    await w.settle();
    expect(w.badges()).toHaveLength(6);
    w.win.history.pushState({}, '', `${ORIGIN}/test/other`);
    w.overlay.restart();
    await w.settle();
    expect(w.badges()).toHaveLength(0);
    w.win.history.pushState({}, '', `${LIST}?tab=2`);
    w.overlay.restart();
    await w.settle();
    expect(w.badges()).toHaveLength(6);
    w.overlay.restart();
    await w.settle();
    expect(w.badges()).toHaveLength(6);
  });

  it('a page that keeps dropping a badge gets it back at most MAX_REMOUNTS times', async () => {
    w = await world({ html: rowsHtml(['1001']), features: [countdownBadge] });
    w.respond({ shopId: 'S1', items: [{ id: '1001', h: 1 }] });
    await w.settle();
    let removed = 0;
    for (let i = 0; i < MAX_REMOUNTS + 5; i++) {
      const b = w.badges()[0];
      if (!b) break;
      b.remove();
      removed++;
      w.win.document.body.append(w.win.document.createElement('i')); // a page mutation
      await w.settle();
    }
    expect(removed).toBe(MAX_REMOUNTS + 1);
    expect(w.badges()).toHaveLength(0);
  });
});

describe('badges near the viewport (issue 12)', () => {
  it('a row far from the viewport gets its badge when scrolled near, already up to date', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge] });
    const far = (el: Element) => el.getAttribute('data-id') === '1006';
    w.inView = (el) => !far(el);
    w.respond(json);
    await w.settle();
    const keys = () => w!.badges().map((b) => b.getAttribute('data-ticket-key'));
    // Five rows near the viewport have their badges; the far one has none yet (no build, no insertion).
    expect(keys().sort()).toEqual(realKeys.filter((k) => !k.endsWith(':1006')));
    // The merchant scrolls: the row comes near and gets its badge, with its own deadline and live text.
    w.inView = () => true;
    w.reveal();
    await w.settle();
    expect(keys().sort()).toEqual(realKeys);
    const badge = w.badges().find((b) => b.getAttribute('data-ticket-key')!.endsWith(':1006'))!;
    expect(badge.closest('.row')?.getAttribute('data-id')).toBe('1006');
    expect(Number(badge.getAttribute('data-due-at'))).toBe(NOW + 6 * H);
    expect(badge.shadowRoot?.textContent).toMatch(/[56]小时\d\d分/);
  });
});

describe('features', () => {
  it('a feature switched off in settings does not start; a failing one is reported under its id', async () => {
    const broken: Feature = {
      id: 'template-picker',
      init() {
        throw new Error('boom');
      },
    };
    w = await world({
      html: rowsHtml(IDS),
      features: [countdownBadge, broken],
      settings: {
        features: {
          'countdown-badge': false,
          'template-picker': true,
          'next-ticket': true,
          'freshness-indicator': true,
        },
      },
    });
    w.respond(json);
    await w.settle();
    expect(w.badges()).toHaveLength(0);
    expect(w.reports).toContainEqual(
      expect.objectContaining({ code: 'feature-error', detail: 'template-picker: boom' }),
    );
    // Switched on again: the badges come without a reload.
    w.settings = {
      ...w.settings,
      features: { 'countdown-badge': true, 'template-picker': false, 'next-ticket': true, 'freshness-indicator': true },
    };
    w.overlay.settingsChanged(true);
    await w.settle();
    expect(w.badges()).toHaveLength(6);
  });

  it('the readiness signal is written only when tests turn it on', async () => {
    w = await world({ html: rowsHtml(IDS), features: [countdownBadge] });
    w.respond(json);
    await w.settle();
    expect(w.win.document.documentElement.hasAttribute('data-ticket-radar-badges')).toBe(false);
    w.settings = { ...w.settings, testReadiness: true };
    w.overlay.settingsChanged(false);
    expect(w.win.document.documentElement.getAttribute('data-ticket-radar-badges')).toBe('6');
    expect(w.win.document.documentElement.getAttribute('data-ticket-radar-page')).toBe('pdd.test-list');
  });
});
