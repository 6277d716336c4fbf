import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, readFixture } from '../../../tests/support/fixtures';
import type { ReadContext } from '../types';
import { afterSaleKinds, afterSaleStatuses, kindOf, statusOf } from './kinds';
import { readAfterSaleList } from './aftersale-list';

const ctx: ReadContext = {
  now: FIXTURE_NOW,
  pageUrl: new URL('https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list'),
};
const S = Math.floor(FIXTURE_NOW / 1000);
const fixture = (name: string) => JSON.parse(readFixture('douyin', name)) as unknown;

/** A one-item list response; `info` overrides after_sale_info fields (undefined deletes one). */
function list(info: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const base: Record<string, unknown> = {
    after_sale_id: '7441250812345678901',
    related_id: '6941239876543210123',
    after_sale_type_text: '仅退款',
    after_sale_status_text: '待商家处理',
    refund_amount: 5990,
    apply_time: S - 3600,
    status_deadline: S + 7200,
  };
  for (const [k, v] of Object.entries(info)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return { code: 0, msg: 'success', data: { items: [{ after_sale_info: base, ...extra }], total: 1 } };
}
const one = (json: unknown) => {
  const r = readAfterSaleList(json, ctx);
  return { r, t: r.tickets[0] };
};

describe('售后 list: deadlines', () => {
  it('reads status_deadline in seconds and in milliseconds as the same instant', () => {
    const s = one(list({ status_deadline: S + 7200 })).t;
    const ms = one(list({ status_deadline: (S + 7200) * 1000 })).t;
    expect(s?.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 7200_000 });
    expect(ms?.deadline).toEqual(s?.deadline);
    expect(one(list({ status_deadline: String(S + 7200) })).t?.deadline).toEqual(s?.deadline);
  });

  it('base and --ms fixtures read identically', () => {
    expect(readAfterSaleList(fixture('aftersale-list--ms.json'), ctx)).toEqual(
      readAfterSaleList(fixture('aftersale-list--base.json'), ctx),
    );
  });

  it('treats 0 as "no deadline" without an issue (closed items, nodes without a timer)', () => {
    const { r, t } = one(list({ status_deadline: 0, after_sale_status_text: '退款成功' }));
    expect(t?.deadline).toBeUndefined();
    expect(t?.deadlineUnreadable).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it('a present but implausible deadline is reported and blocks a rule guess', () => {
    for (const bad of [12345, 'tomorrow', S + 400 * 86400, -5]) {
      const { r, t } = one(list({ status_deadline: bad }));
      expect(t?.deadline).toBeUndefined();
      expect(t?.deadlineUnreadable).toBe(true);
      expect(r.issues.map((i) => i.code)).toEqual(['deadline-invalid']);
    }
  });

  it('a missing status_deadline on an open item is drift: issue naming the look-alike field, no guess', () => {
    const { r, t } = one(list({ status_deadline: undefined, statusDeadline: S + 7200 }));
    expect(t?.deadline).toBeUndefined();
    expect(t?.deadlineUnreadable).toBe(true);
    expect(r.issues).toEqual([
      {
        code: 'field-missing',
        detail: 'after-sale 7441250812345678901: after_sale_info.status_deadline (found statusDeadline)',
      },
    ]);
  });

  it('…unless a countdown text is there: remaining time from it, drift still reported', () => {
    const { r, t } = one(
      list({ status_deadline: undefined }, { text_part: { status_deadline_text: '剩余1小时30分' } }),
    );
    expect(t?.deadline).toEqual({ type: 'remaining', ms: 90 * 60_000, receivedAt: FIXTURE_NOW });
    expect(t?.deadlineUnreadable).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['field-missing']);
    const late = one(list({ status_deadline: undefined }, { text_part: { status_deadline_text: '已超时2小时' } })).t;
    expect(late?.deadline).toEqual({ type: 'remaining', ms: -2 * 3600_000, receivedAt: FIXTURE_NOW });
  });

  it('does not read non-countdown text fields as a deadline', () => {
    const { t } = one(
      list({ status_deadline: 0 }, { text_part: { reason_text: '7天无理由', tag_text: '7天无理由退货' } }),
    );
    expect(t?.deadline).toBeUndefined();
  });

  it('a missing field on a closed item is not drift', () => {
    const { r, t } = one(list({ status_deadline: undefined, after_sale_status_text: '售后关闭' }));
    expect(t?.deadlineUnreadable).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it('时效延长: the later deadline and the tag come through (the background keeps the newest)', () => {
    const base = readAfterSaleList(fixture('aftersale-list--base.json'), ctx).tickets[0];
    const ext = readAfterSaleList(fixture('aftersale-list--extended.json'), ctx).tickets[0];
    expect(ext?.nativeId).toBe(base?.nativeId);
    expect(ext?.tags).toContain('时效延长');
    const at = (t: typeof ext) => (t?.deadline?.type === 'at' ? t.deadline.at : NaN);
    expect(at(ext)).toBeGreaterThan(at(base));
  });
});

describe('售后 list: envelope and items', () => {
  it('logged out by code 10008 or by message', () => {
    const r = readAfterSaleList(fixture('aftersale-list--logged-out.json'), ctx);
    expect(r).toMatchObject({ tickets: [], loggedOut: true, issues: [{ code: 'not-logged-in' }] });
    expect(readAfterSaleList({ code: 4001, msg: '用户未登录，请先登录', data: null }, ctx).loggedOut).toBe(true);
    expect(readAfterSaleList({ status_code: 10008, message: '', data: {} }, ctx).loggedOut).toBe(true);
  });

  it('other failures are envelope issues, never throws', () => {
    for (const bad of [null, 'x', 42, [], { code: 500, msg: '系统繁忙', data: null }]) {
      const r = readAfterSaleList(bad, ctx);
      expect(r.tickets).toEqual([]);
      expect(r.issues[0]?.code).toBe('envelope');
    }
    expect(readAfterSaleList({ code: 0, data: { list_v2: [] } }, ctx).issues).toEqual([
      { code: 'field-missing', detail: 'data.items missing or not a list' },
    ]);
  });

  it('drops items without after_sale_info or id, keeps the rest', () => {
    const json = list({});
    (json.data.items as unknown[]).push(
      { order_info: {} },
      { after_sale_info: { after_sale_status_text: '待商家处理' } },
    );
    const r = readAfterSaleList(json, ctx);
    expect(r.tickets).toHaveLength(1);
    expect(r.issues.map((i) => i.code)).toEqual(['item-invalid', 'item-invalid']);
  });

  it('refuses a 19-digit id that JSON.parse already rounded', () => {
    const { r } = one(list({ after_sale_id: Number('7441250812345678901') }));
    expect(r.tickets).toEqual([]);
    expect(r.issues[0]).toEqual({
      code: 'item-invalid',
      detail: 'items[0]: after_sale_info.after_sale_id is a number beyond 2^53 (rounded by JSON.parse)',
    });
    expect(one(list({ after_sale_id: 123456789 })).t?.nativeId).toBe('123456789');
  });

  it('tolerates type drift in display fields', () => {
    const { t } = one(list({ refund_amount: '5990', return_logistics_code: 'YT 123', apply_time: 'n/a' }));
    expect(t).toMatchObject({ amountFen: 5990, nativeId: '7441250812345678901' });
    expect(t?.trackingNo).toBeUndefined();
    expect(t?.createdAt).toBeUndefined();
  });

  it('shop: named by the items when present, otherwise not claimed', () => {
    expect(readAfterSaleList(fixture('aftersale-list--base.json'), ctx).shop).toEqual({
      shopId: '98765432',
      name: '山野生活旗舰店',
      confidence: 'page',
    });
    const r = readAfterSaleList(list({}), {
      ...ctx,
      shop: { shopId: 'name-abc', name: '某店', confidence: 'fallback' },
    });
    expect(r.shop).toBeUndefined();
    expect(r.tickets[0]).toMatchObject({ shopId: 'name-abc', shopName: '某店' });
  });

  it('never lists tickets as complete (the response does not say which filter asked)', () => {
    expect(readAfterSaleList(fixture('aftersale-list--base.json'), ctx).complete).toBeUndefined();
  });

  it('no buyer data in issue details', () => {
    const json = list({ status_deadline: undefined, after_sale_status_text: '张三 13800138000' });
    const details = readAfterSaleList(json, ctx)
      .issues.map((i) => i.detail)
      .join(' ');
    expect(details).not.toMatch(/13800138000/);
  });
});

describe('售后 words', () => {
  it.each([
    ['待商家处理', 'pending'],
    ['待商家收货', 'pending'],
    ['换货待商家发货', 'pending'],
    ['待买家退货', 'processing'],
    ['商家拒绝，待买家处理', 'processing'],
    ['同意退款，退款中', 'processing'],
    ['平台处理中', 'processing'],
    ['退款成功', 'done'],
    ['换货成功', 'done'],
    ['售后完成', 'done'],
    ['售后关闭', 'closed'],
    ['买家撤销', 'closed'],
    ['拒绝售后', 'closed'],
  ] as const)('status %s → %s', (text, status) => {
    expect(statusOf(text, afterSaleStatuses)).toBe(status);
  });

  it('unknown status text stays open and is reported', () => {
    const { r, t } = one(list({ after_sale_status_text: '冻结中' }));
    expect(t?.status).toBe('pending');
    expect(r.issues).toEqual([
      { code: 'status-unknown', detail: 'after-sale 7441250812345678901: status text "冻结中"' },
    ]);
  });

  it.each([
    ['仅退款', 'refund'],
    ['已发货仅退款', 'refund'],
    ['退货退款', 'return'],
    ['换货', 'exchange'],
    ['补寄', 'logistics'],
    ['维修', 'other'],
  ] as const)('type %s → %s', (text, kind) => {
    expect(kindOf(text, afterSaleKinds, 'other')).toBe(kind);
  });
});
