import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, loadDocument } from '../../../tests/support/fixtures';
import type { ReadContext } from '../types';
import { amountFen, readAfterSaleList, REMAIN_MS_ABOVE, remainUnit } from './aftersale-list';
import { afterSaleRows, readAfterSaleRows } from './aftersale-rows';
import { afterSaleStatusOf } from './kinds';

const ctx: ReadContext = { now: FIXTURE_NOW, pageUrl: new URL('https://mms.pinduoduo.com/aftersales/aftersale_list') };
const H = 3600_000;

const list = (...items: Record<string, unknown>[]) => ({
  success: true,
  errorCode: 1000000,
  result: { list: items, total: items.length },
});
const item = (over: Record<string, unknown> = {}) => ({
  id: 6120458801,
  orderSn: '261121-083651294710352',
  afterSalesTypeName: '退货退款',
  afterSalesTitle: '退货退款，待商家确认收货',
  refundAmount: 8990,
  goodsName: '加厚珊瑚绒四件套',
  expireRemainTime: 7200,
  createdAt: 1795245611,
  ...over,
});

function doc(html: string): Document {
  const w = new Window({ url: ctx.pageUrl.href });
  w.document.body.innerHTML = html;
  return w.document as unknown as Document;
}

const row = (status: string, countdown: string, id = '6120458801') => `
  <div class="after-sales-table_order_item__ab12C">
    <div class="table-item-header_header__ab12C"><div class="table-item-header_sn__ab12C"><span>售后编号：${id}</span><span>订单编号：261121-083651294710352</span></div>
    <div>申请时间：2026-11-24 09:30:00</div></div>
    <div class="after-sales-table_goods-name__ab12C">加厚珊瑚绒四件套</div>
    <div class="after-sales-table_refund-amount__ab12C">¥89.90</div>
    <div class="after-sales-table_type__ab12C">仅退款</div>
    <div class="after-sales-table_status__ab12C"><div class="after-sales-table_status-title__ab12C">${status}</div><div>${countdown}</div></div>
  </div>`;

describe('expireRemainTime unit rule', () => {
  it('reads seconds when every value is at most 4e6', () => {
    expect(remainUnit([525810, 90645, 0, null, undefined])).toBe('s');
    expect(remainUnit([REMAIN_MS_ABOVE])).toBe('s');
  });
  it('reads the whole response as ms when any value is above 4e6', () => {
    expect(remainUnit([525810000, 3_000_000])).toBe('ms');
    expect(remainUnit(['90645000'])).toBe('ms');
  });
  it('ignores values that are no remaining time in either unit (a timestamp in the field)', () => {
    expect(remainUnit([1795572000000, 7200])).toBe('s');
  });
  it('applies one unit to all items of a response', () => {
    // 3,000,000 alone would be seconds (34 days); next to a ms value it is 50 minutes.
    const r = readAfterSaleList(
      list(item({ id: 1, expireRemainTime: 525810000 }), item({ id: 2, expireRemainTime: 3_000_000 })),
      ctx,
    );
    expect(r.tickets.map((t) => t.deadline)).toEqual([
      { type: 'remaining', ms: 525810000, receivedAt: FIXTURE_NOW },
      { type: 'remaining', ms: 3_000_000, receivedAt: FIXTURE_NOW },
    ]);
  });
  it('reads seconds as seconds', () => {
    const r = readAfterSaleList(list(item({ expireRemainTime: 7200 })), ctx);
    expect(r.tickets[0]?.deadline).toEqual({ type: 'remaining', ms: 2 * H, receivedAt: FIXTURE_NOW });
  });
  it('treats 0 as no running countdown and finished after-sales as having none', () => {
    const r = readAfterSaleList(
      list(
        item({ id: 1, expireRemainTime: 0 }),
        item({ id: 2, afterSalesTitle: '退货退款，退款成功', expireRemainTime: 7200 }),
      ),
      ctx,
    );
    expect(r.tickets.map((t) => [t.status, t.deadline, t.deadlineUnreadable])).toEqual([
      ['pending', undefined, undefined],
      ['done', undefined, undefined],
    ]);
  });
  it('marks an absurd time left unreadable instead of guessing', () => {
    const r = readAfterSaleList(list(item({ expireRemainTime: 1795572000000 })), ctx);
    expect(r.tickets[0]?.deadline).toBeUndefined();
    expect(r.tickets[0]?.deadlineUnreadable).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(['deadline-invalid']);
  });
});

describe('after-sale text fields', () => {
  it.each([
    ['待商家确认收货', 'pending'],
    ['待商家处理', 'pending'],
    ['待买家退货', 'processing'],
    ['商家已拒绝，待买家修改', 'processing'],
    ['平台介入中', 'processing'],
    ['退款成功', 'done'],
    ['换货成功', 'done'],
    ['售后关闭', 'closed'],
    ['买家已撤销', 'closed'],
  ] as const)('%s → %s', (text, status) => {
    expect(afterSaleStatusOf(text)).toBe(status);
  });
  it('uses the type name for kind, never the numeric codes', () => {
    const r = readAfterSaleList(
      list(
        item({ id: 1, afterSalesTypeName: '仅退款', afterSalesTitle: '未发货仅退款，待商家处理', afterSalesType: 2 }),
        item({ id: 2, afterSalesTypeName: '换货', afterSalesTitle: '换货，待商家发货', afterSalesType: 1 }),
        item({ id: 3, afterSalesTypeName: '补寄', afterSalesTitle: '补寄，待商家处理' }),
      ),
      ctx,
    );
    expect(r.tickets.map((t) => t.kind)).toEqual(['refund', 'exchange', 'other']);
  });
  it('reads amounts as fen, decimals as yuan', () => {
    expect([
      amountFen(8990),
      amountFen('8990'),
      amountFen('89.90'),
      amountFen(89.9),
      amountFen('12元'),
      amountFen(-1),
      amountFen('abc'),
    ]).toEqual([8990, 8990, 8990, 8990, 1200, undefined, undefined]);
  });
  it('keeps buyer text out of issue details', () => {
    const r = readAfterSaleList(
      list(item({ afterSalesTitle: '张三 13800138000', afterSalesTypeName: undefined })),
      ctx,
    );
    expect(JSON.stringify(r.issues)).not.toMatch(/张三|13800138000/);
  });
  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], { success: true, result: { list: [null, 1, 'x'] } }]) {
      expect(() => readAfterSaleList(junk, ctx)).not.toThrow();
    }
  });
});

describe('after-sale rows (DOM)', () => {
  it('anchors badges in the row header', () => {
    const d = loadDocument('pdd', 'aftersale-list--rendered.html', ctx.pageUrl.href);
    const anchors = afterSaleRows(d);
    expect(anchors.map((a) => [a.nativeId, a.orderId])).toEqual([
      ['6120458801', '261121-083651294710352'],
      ['6120461152', '261124-492017365820914'],
      ['6120463309', '261123-730461928374650'],
    ]);
    for (const a of anchors) expect(a.slot.className).toMatch(/^table-item-header_sn/);
  });
  it('keeps one anchor per row when a nested element shares the row prefix', () => {
    const d = doc(
      row('待商家处理', '').replace('after-sales-table_goods-name__ab12C', 'after-sales-table_order_item-goods__ab12C'),
    );
    expect(afterSaleRows(d)).toHaveLength(1);
  });
  it('reads an overdue countdown as negative time left', () => {
    const d = doc(row('待商家处理', '已逾期<span class="timer">2时0分0秒</span>'));
    expect(readAfterSaleRows(d, ctx).tickets[0]?.deadline).toEqual({
      type: 'remaining',
      ms: -2 * H,
      receivedAt: FIXTURE_NOW,
    });
  });
  it('does not read 自动关闭 in the countdown as the status', () => {
    const d = doc(row('待买家退货', '（<span class="timer">1天0时0分0秒</span>后买家未处理，系统将自动关闭售后）'));
    const t = readAfterSaleRows(d, ctx).tickets[0];
    expect([t?.status, t?.deadline]).toEqual([
      'processing',
      { type: 'remaining', ms: 24 * H, receivedAt: FIXTURE_NOW },
    ]);
  });
  it('marks the deadline unreadable when a countdown is shown but cannot be read', () => {
    for (const countdown of [
      '（<span class="timer">--</span>未处理，系统将自动退款）',
      '（6天后未处理，系统将自动退款）',
    ]) {
      const r = readAfterSaleRows(doc(row('待商家处理', countdown)), ctx);
      expect(r.tickets[0]?.deadlineUnreadable).toBe(true);
      expect(r.tickets[0]?.deadline).toBeUndefined();
      expect(r.issues.map((i) => i.code)).toContain('deadline-invalid');
    }
  });
  it('reads 申请时间 as Beijing time', () => {
    const t = readAfterSaleRows(doc(row('待商家处理', '')), ctx).tickets[0];
    expect(t?.createdAt).toBe(Date.UTC(2026, 10, 24, 1, 30));
    expect(t?.amountFen).toBe(8990);
  });
  it('reports rows without an after-sale id and pages without rows', () => {
    const r = readAfterSaleRows(doc(row('待商家处理', '').replace('售后编号：6120458801', '')), ctx);
    expect(r.tickets).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['field-missing']);
    expect(readAfterSaleRows(doc('<div>暂无售后单</div>'), ctx).issues.map((i) => i.code)).toEqual(['no-rows']);
  });
});
