import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../../../tests/support/fixtures';
import type { ReadContext } from '../types';
import { readWorkOrderDetail } from './work-order-detail';

const at = (url: string): ReadContext => ({ now: FIXTURE_NOW, pageUrl: new URL(url) });
const DETAIL = 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=9001001';
const ok = (result: Record<string, unknown>) => ({ success: true, errorCode: 1000000, result });
const base = (over: Record<string, unknown> = {}) =>
  ok({
    orderSn: '241125-512345678901234',
    problemTitle: '消费者申请退款后提示拦截',
    status: 1,
    todoDetail: { finished: false, flowList: [] },
    ...over,
  });
const step = (createdAt: number, ...items: [string, unknown][]) => ({
  title: '商家处理',
  createdAt,
  itemList: items.map(([key, value]) => ({ key, value })),
});

describe('readWorkOrderDetail', () => {
  it('takes the id from the detail page URL when the response has none', () => {
    expect(readWorkOrderDetail(base(), at(DETAIL)).tickets[0]?.nativeId).toBe('9001001');
  });

  it('prefers an id in the response', () => {
    expect(readWorkOrderDetail(base({ instanceId: 9001009 }), at(DETAIL)).tickets[0]?.nativeId).toBe('9001009');
  });

  it('does not take `?id=` from another page', () => {
    const r = readWorkOrderDetail(base(), at('https://mms.pinduoduo.com/aftersales-ssr/detail?id=6120458801'));
    expect(r.tickets).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['field-missing']);
  });

  it('is done when finished, whatever the status code', () => {
    const r = readWorkOrderDetail(base({ status: 1, todoDetail: { finished: true, flowList: [] } }), at(DETAIL));
    expect(r.tickets[0]?.status).toBe('done');
    expect(r.issues).toEqual([]);
  });

  it('leaves the deadline undefined when the detail has none (the list keeps its own)', () => {
    const t = readWorkOrderDetail(base(), at(DETAIL)).tickets[0];
    expect(t && 'deadline' in t ? t.deadline : undefined).toBeUndefined();
    expect(t?.deadlineUnreadable).toBeUndefined();
  });

  it('reads reply values from flow items, the latest step winning', () => {
    const flowList = [
      step(1795568400000, ['快递单号', '圆通速递 YT0000000000001'], ['退款金额', '¥12.50']),
      step(
        1795539600000,
        ['运单号', 'YT7531864209753'],
        ['商品名称', '加厚珊瑚绒四件套'],
        ['订单编号', 'not-an-order'],
      ),
      { title: '坏步骤', itemList: 'x' },
      step(1795550400000, ['收件人电话', '13800138000'], ['收件人', '张三']),
    ];
    const r = readWorkOrderDetail(base({ orderSn: undefined, todoDetail: { finished: false, flowList } }), at(DETAIL));
    expect(r.tickets[0]).toMatchObject({ trackingNo: 'YT0000000000001', amountFen: 1250, product: '加厚珊瑚绒四件套' });
    expect(r.tickets[0]?.orderId).toBeUndefined();
    expect(r.tickets[0]?.buyer).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/13800138000|张三/);
    expect(r.issues.map((i) => i.code)).toEqual(['item-invalid']);
  });

  it('never throws on junk', () => {
    for (const junk of [
      null,
      'x',
      { success: true, result: null },
      { success: true, result: { todoDetail: { flowList: [null, 1] } } },
    ]) {
      expect(() => readWorkOrderDetail(junk, at(DETAIL))).not.toThrow();
    }
  });
});
