import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, loadDocument, readFixture } from '../../../tests/support/fixtures';
import type { RawTicket } from '../../model/ticket';
import type { ReadContext } from '../types';
import { textLines } from '../dom';
import { douyinAdapter as dy } from './index';

const AS_URL = 'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list';
const SV_URL = 'https://fxg.jinritemai.com/ffa/task-order/service';
const ctx = (url: string): ReadContext => ({ now: FIXTURE_NOW, pageUrl: new URL(url) });
const AS = 'douyin.aftersale-list';
const SV = 'douyin.service-tickets';

function html(body: string, url = AS_URL): Document {
  const w = new Window({ url });
  w.document.write(`<!doctype html><html><body>${body}</body></html>`);
  return w.document as unknown as Document;
}
/** A deadline as an instant, whichever form it came in. */
const dueAt = (t: RawTicket | undefined) =>
  t?.deadline ? (t.deadline.type === 'at' ? t.deadline.at : t.deadline.receivedAt + t.deadline.ms) : undefined;

describe('售后 rows', () => {
  for (const fixture of ['aftersale-list--rendered.html', 'aftersale-list--aurora.html']) {
    it(`${fixture}: one anchor per after-sale, keyed by 售后编号, badge in the status cell`, () => {
      const doc = loadDocument('douyin', fixture, AS_URL);
      const anchors = dy.rows(doc, AS);
      expect(anchors.map((a) => a.nativeId)).toEqual([
        '7441250812345678901',
        '7441187654321098765',
        '7441098765432109876',
        '7440987654321987654',
        '7440876543210876543',
        '7440765432109765432',
      ]);
      expect(anchors[0]?.orderId).toBe('6941239876543210123');
      for (const a of anchors) expect(textLines(a.slot)[0]).toMatch(/待|成功|关闭/);
    });
  }

  it('DOM text and the response agree on every ticket (ids, kind, status, amount, deadline within a minute)', () => {
    const json = dy.endpoints[0]!.read(JSON.parse(readFixture('douyin', 'aftersale-list--base.json')), ctx(AS_URL));
    const shop = json.shop;
    for (const fixture of ['aftersale-list--rendered.html', 'aftersale-list--aurora.html']) {
      const dom = dy.readRows!(loadDocument('douyin', fixture, AS_URL), AS, { ...ctx(AS_URL), shop });
      expect(dom.issues).toEqual([]);
      expect(dom.tickets).toHaveLength(json.tickets.length);
      dom.tickets.forEach((t, i) => {
        const j = json.tickets[i]!;
        const pick = ({
          nativeId,
          orderId,
          kind,
          status,
          title,
          amountFen,
          product,
          createdAt,
          shopId,
          url,
        }: RawTicket) => ({
          nativeId,
          orderId,
          kind,
          status,
          title,
          amountFen,
          product,
          createdAt,
          shopId,
          url,
        });
        expect(pick(t)).toEqual(pick(j));
        const a = dueAt(t);
        const b = dueAt(j);
        if (b === undefined || j.status === 'done' || j.status === 'closed') expect(a).toBeUndefined();
        else expect(Math.abs(a! - b)).toBeLessThan(60_000);
      });
    }
  });

  it('falls back to 售后编号 text when the data-kora-json hook is gone', () => {
    const doc = loadDocument('douyin', 'aftersale-list--rendered.html', AS_URL);
    doc.querySelectorAll('[data-kora-json]').forEach((e) => e.removeAttribute('data-kora-json'));
    expect(dy.rows(doc, AS).map((a) => a.nativeId)).toHaveLength(6);
    expect(dy.readRows!(doc, AS, ctx(AS_URL)).tickets).toHaveLength(6);
  });

  it('a hook with broken JSON still marks a header (ids from its text)', () => {
    const doc = loadDocument('douyin', 'aftersale-list--rendered.html', AS_URL);
    doc.querySelector('[data-kora-json]')!.setAttribute('data-kora-json', '{oops');
    expect(dy.rows(doc, AS)[0]?.nativeId).toBe('7441250812345678901');
  });

  it('an unreadable countdown blocks a rule guess and is reported', () => {
    const doc = loadDocument('douyin', 'aftersale-list--rendered.html', AS_URL);
    doc.querySelector('.status-timeout')!.textContent = '剩余不足一天';
    const r = dy.readRows!(doc, AS, ctx(AS_URL));
    expect(r.tickets[0]).toMatchObject({ deadlineUnreadable: true });
    expect(r.tickets[0]?.deadline).toBeUndefined();
    expect(r.issues).toEqual([
      { code: 'deadline-invalid', detail: 'after-sale 7441250812345678901: countdown text not readable' },
    ]);
  });

  it('the workbench shell with the list in an iframe: no rows, no drift (the frame reads itself)', () => {
    const doc = loadDocument('douyin', 'aftersale-list--iframe.html', AS_URL);
    expect(dy.rows(doc, AS)).toEqual([]);
    expect(dy.readRows!(doc, AS, ctx(AS_URL))).toEqual({ tickets: [], issues: [] });
  });

  it('no-rows only when the list is on screen without readable rows; loading and empty lists are fine', () => {
    const labels = '<table><thead><tr><th>商品信息</th><th>售后类型</th><th>售后状态</th></tr></thead><tbody>';
    expect(
      dy.readRows!(html(`${labels}<tr class="x-row"><td>?</td></tr></tbody></table>`), AS, ctx(AS_URL)).issues,
    ).toEqual([
      { code: 'no-rows', detail: 'douyin.aftersale-list: column labels visible but no row with a ticket id' },
    ]);
    expect(
      dy.readRows!(
        html(`${labels}<tr><td><div class="auxo-empty">暂无数据</div></td></tr></tbody></table>`),
        AS,
        ctx(AS_URL),
      ).issues,
    ).toEqual([]);
    expect(dy.readRows!(html('<div class="list-loading">加载中…</div>'), AS, ctx(AS_URL)).issues).toEqual([]);
    expect(dy.readRows!(html('<div id="root"></div>'), AS, ctx(AS_URL)).issues).toEqual([]);
  });
});

describe('服务工单 rows', () => {
  it("anchors by the row's 工单ID (the same id readRecord uses), with the order number, badge in 处理进度", () => {
    const doc = loadDocument('douyin', 'service--rendered.html', SV_URL);
    const anchors = dy.rows(doc, SV);
    expect(anchors.map((a) => [a.nativeId, a.orderId])).toEqual([
      ['7440112233445566001', '6941239876543210124'],
      ['7440112233445566002', '6940998877665544332'],
      ['7440112233445566003', '6940887766554433221'],
      ['7440112233445566004', '6940776655443322110'],
      ['7440112233445566005', '6940665544332211009'],
    ]);
    expect(textLines(anchors[0]!.slot)).toEqual(['待处理', '剩余1小时12分']);
  });

  it('record and DOM text read the same tickets (deadline instants within a minute)', () => {
    const records = JSON.parse(readFixture('douyin', 'service--records.json')) as unknown[];
    const fromRecords = records.flatMap((r) => dy.readRecord!(r, SV, ctx(SV_URL)).tickets);
    const fromDom = dy.readRows!(loadDocument('douyin', 'service--rendered.html', SV_URL), SV, ctx(SV_URL));
    expect(fromDom.issues).toEqual([]);
    const strip = ({ deadline: _d, shopId: _s, shopName: _n, ...rest }: RawTicket) => rest;
    expect(fromDom.tickets.map(strip)).toEqual(fromRecords.map(strip));
    fromDom.tickets.forEach((t, i) => {
      const r = fromRecords[i]!;
      if (dueAt(r) === undefined) expect(dueAt(t)).toBeUndefined();
      else expect(Math.abs(dueAt(t)! - dueAt(r)!)).toBeLessThan(60_000);
    });
  });

  it('survives a new CSS-module hash and the aurora kit', () => {
    const a = dy.readRows!(loadDocument('douyin', 'service--rendered.html', SV_URL), SV, ctx(SV_URL));
    const b = dy.readRows!(loadDocument('douyin', 'service--hash-changed.html', SV_URL), SV, ctx(SV_URL));
    expect(b).toEqual(a);
  });

  it('finds columns by label when they move', () => {
    const doc = loadDocument('douyin', 'service--rendered.html', SV_URL);
    // Swap 买家昵称 and 工单来源 in the header and in every row.
    for (const tr of Array.from(doc.querySelectorAll('tr'))) {
      const [c0, c1, c2] = Array.from(tr.children);
      if (c1 && c2) tr.insertBefore(c2, c1);
      void c0;
    }
    const t = dy.readRows!(doc, SV, ctx(SV_URL)).tickets[0];
    expect(t).toMatchObject({ nativeId: '7440112233445566001', buyer: '夏**', status: 'pending', urgent: true });
  });

  it('skips rows without 工单ID (placeholders) and reports drift only under visible labels', () => {
    const head = '<table><thead><tr><th>订单信息</th><th>工单来源</th><th>处理进度</th></tr></thead><tbody>';
    expect(dy.rows(html(`${head}<tr><td colspan="3">暂无数据</td></tr></tbody></table>`, SV_URL), SV)).toEqual([]);
    expect(
      dy.readRows!(html(`${head}<tr><td colspan="3">暂无数据</td></tr></tbody></table>`, SV_URL), SV, ctx(SV_URL))
        .issues,
    ).toEqual([]);
    expect(
      dy.readRows!(
        html(`${head}<tr><td>6941239876543210124</td><td>ID 1</td><td>待处理</td></tr></tbody></table>`, SV_URL),
        SV,
        ctx(SV_URL),
      ).issues,
    ).toEqual([
      { code: 'no-rows', detail: 'douyin.service-tickets: column labels visible but no row with a ticket id' },
    ]);
    expect(dy.readRows!(loadDocument('douyin', 'service--base.html', SV_URL), SV, ctx(SV_URL))).toEqual({
      tickets: [],
      issues: [],
    });
  });
});

describe('shop from the page', () => {
  it('uses the header shop name as a stable fallback identity', () => {
    const a = dy.shopFromDocument(loadDocument('douyin', 'aftersale-list--rendered.html', AS_URL), new URL(AS_URL));
    const b = dy.shopFromDocument(loadDocument('douyin', 'service--rendered.html', SV_URL), new URL(SV_URL));
    expect(a).toMatchObject({ name: '山野生活旗舰店', confidence: 'fallback' });
    expect(b).toEqual(a);
    expect(dy.shopFromDocument(html('<div></div>'), new URL(AS_URL))).toEqual({
      shopId: 'default',
      confidence: 'fallback',
    });
  });
});

describe('textLines', () => {
  it('breaks at blocks and <br>, joins inline elements, skips scripts', () => {
    const doc = html(
      '<div id="c"><div>待处理</div><div><span>工单ID:</span> <span>123</span></div>剩余<b>1</b>小时<br>x<script>var a=1</script></div>',
    );
    expect(textLines(doc.getElementById('c'))).toEqual(['待处理', '工单ID: 123', '剩余1小时', 'x']);
  });
});
