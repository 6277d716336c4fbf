import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, readFixture } from '../../../tests/support/fixtures';
import type { ReadContext } from '../types';
import { serviceStatuses, statusOf } from './kinds';
import { readServiceRecord } from './service-records';

const PAGE = 'douyin.service-tickets';
const ctx: ReadContext = { now: FIXTURE_NOW, pageUrl: new URL('https://fxg.jinritemai.com/ffa/task-order/service') };
const S = Math.floor(FIXTURE_NOW / 1000);
const H = 3600_000;

/** A record like the one source describes; `os` overrides orderService fields (undefined deletes one). */
function record(os: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const service: Record<string, unknown> = {
    service_id: '7440112233445566001',
    order_id: '6941239876543210124',
    service_type: 101,
    service_type_desc: '催发货',
    service_status: 1,
    delay_end_time: 0,
    delay_time_left: 0,
  };
  for (const [k, v] of Object.entries(os)) {
    if (v === undefined) delete service[k];
    else service[k] = v;
  }
  return {
    orderService: service,
    orderInfo: { orderId: '6941239876543210124', orderTitle: '加绒卫衣 灰色 L' },
    userInfo: { userName: '夏**' },
    tagList: [],
    taskOrderBusinessTypeDesc: '服务请求',
    createTimeDesc: '2026-11-25 09:12:30',
    ...extra,
  };
}
const read = (r: unknown) => readServiceRecord(r, PAGE, ctx);
const ticket = (r: unknown) => read(r).tickets[0];

describe('服务工单 record: deadline', () => {
  it('delay_end_time in seconds or milliseconds is the platform deadline', () => {
    const s = ticket(record({ delay_end_time: S + 2 * 3600 }));
    expect(s?.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 2 * H });
    expect(ticket(record({ delay_end_time: (S + 2 * 3600) * 1000 }))?.deadline).toEqual(s?.deadline);
  });

  it('delay_time_left alone: seconds counted from ctx.now, negative when late', () => {
    expect(ticket(record({ delay_time_left: 4350 }))?.deadline).toEqual({
      type: 'remaining',
      ms: 4350_000,
      receivedAt: FIXTURE_NOW,
    });
    expect(ticket(record({ delay_time_left: '-7200' }))?.deadline).toEqual({
      type: 'remaining',
      ms: -2 * H,
      receivedAt: FIXTURE_NOW,
    });
  });

  it('both present: the absolute one wins; disagreement is reported (it will settle the units)', () => {
    const agree = read(record({ delay_end_time: S + 4350, delay_time_left: 4350 }));
    expect(agree.tickets[0]?.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 4350_000 });
    expect(agree.issues).toEqual([]);
    const disagree = read(record({ delay_end_time: S + 4350, delay_time_left: 4350_000 / 60 }));
    expect(disagree.tickets[0]?.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 4350_000 });
    expect(disagree.issues.map((i) => i.code)).toEqual(['deadline-mismatch']);
  });

  it('a time left too large for seconds (milliseconds?) is not trusted and blocks a rule guess', () => {
    const r = read(record({ delay_time_left: 2 * H }));
    expect(r.tickets[0]?.deadline).toBeUndefined();
    expect(r.tickets[0]?.deadlineUnreadable).toBe(true);
    expect(r.issues).toEqual([
      {
        code: 'deadline-invalid',
        detail: 'service 7440112233445566001: delay_time_left out of range as seconds (milliseconds?)',
      },
    ]);
  });

  it('an implausible delay_end_time falls back to a valid time left, and is reported', () => {
    const r = read(record({ delay_end_time: 99999, delay_time_left: 600 }));
    expect(r.tickets[0]?.deadline).toEqual({ type: 'remaining', ms: 600_000, receivedAt: FIXTURE_NOW });
    expect(r.issues.map((i) => i.code)).toEqual(['deadline-invalid']);
    const only = read(record({ delay_end_time: 'soon' }));
    expect(only.tickets[0]?.deadlineUnreadable).toBe(true);
  });

  it('neither: no deadline, no flag, createdAt from createTimeDesc so the rules can start', () => {
    const t = ticket(record({ delay_end_time: undefined, delay_time_left: undefined }));
    expect(t?.deadline).toBeUndefined();
    expect(t?.deadlineUnreadable).toBeUndefined();
    expect(t?.createdAt).toBe(Date.UTC(2026, 10, 25, 1, 12, 30));
    expect(ticket(record({}, { createTimeDesc: '今天 09:40' }))?.createdAt).toBe(Date.UTC(2026, 10, 25, 1, 40));
    expect(ticket(record({}, { createTimeDesc: '11-24 20:30' }))?.createdAt).toBe(Date.UTC(2026, 10, 24, 12, 30));
  });

  it('an unreadable createTimeDesc is reported, the ticket kept', () => {
    const r = read(record({}, { createTimeDesc: '刚刚' }));
    expect(r.tickets[0]?.createdAt).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['field-missing']);
  });
});

describe('服务工单 record: fields', () => {
  it('urgent from the 紧急 tag; tags keep tag names and the business type', () => {
    const t = ticket(record({}, { tagList: [{ tagName: '紧急' }, { tagName: '催' }] }));
    expect(t).toMatchObject({ urgent: true, tags: ['紧急', '催', '服务请求'] });
    expect(ticket(record())?.urgent).toBe(false);
  });

  it('maps the fixture records', () => {
    const records = JSON.parse(readFixture('douyin', 'service--records.json')) as unknown[];
    const out = records.map((r) => read(r));
    expect(out.flatMap((r) => r.issues)).toEqual([]);
    expect(out.map((r) => [r.tickets[0]?.nativeId, r.tickets[0]?.kind, r.tickets[0]?.status])).toEqual([
      ['7440112233445566001', 'urge-ship', 'pending'],
      ['7440112233445566002', 'logistics', 'processing'],
      ['7440112233445566003', 'consult', 'pending'],
      ['7440112233445566004', 'refund', 'pending'],
      ['7440112233445566005', 'exchange', 'done'],
    ]);
  });

  it('status: text when the record has one, else the modelled code table; unknown stays open and is reported', () => {
    expect(ticket(record({ service_status: 3 }))?.status).toBe('done');
    expect(ticket(record({ service_status: '已关闭' }))?.status).toBe('closed');
    expect(ticket(record({ service_status: 1, service_status_desc: '处理中' }))?.status).toBe('processing');
    const r = read(record({ service_status: 42 }));
    expect(r.tickets[0]?.status).toBe('pending');
    expect(r.issues).toEqual([{ code: 'status-unknown', detail: 'service 7440112233445566001: service_status 42' }]);
  });

  it.each([
    ['待处理', 'pending'],
    ['已逾期', 'pending'],
    ['处理中', 'processing'],
    ['已完结', 'done'],
    ['已关闭', 'closed'],
  ] as const)('progress %s → %s', (text, status) => {
    expect(statusOf(text, serviceStatuses)).toBe(status);
  });

  it('no service_id: no ticket (mixTaskOrderId would key it differently from the DOM), reported', () => {
    const r = read(record({ service_id: undefined }, { mixTaskOrderId: '9011223344556601' }));
    expect(r.tickets).toEqual([]);
    expect(r.issues).toEqual([{ code: 'field-missing', detail: 'orderService.service_id missing' }]);
  });

  it('not a record, or another page: no-record, never throws', () => {
    for (const bad of [null, 1, 'x', [], {}, { orderService: 'x' }]) {
      expect(read(bad).issues[0]?.code).toBe('no-record');
    }
    expect(readServiceRecord(record(), 'douyin.aftersale-list', ctx).issues[0]?.code).toBe('no-record');
  });

  it('the buyer goes into the ticket, never into issues', () => {
    const r = read(record({ service_status: '夏某某 13800138000' }, { createTimeDesc: '13800138000' }));
    expect(r.tickets[0]?.buyer).toBe('夏**');
    expect(r.issues.map((i) => i.detail).join(' ')).not.toMatch(/13800138000|夏/);
  });

  it('a shop id on the record is used and reported [modelled]', () => {
    const r = read(record({}, { shopId: 98765432 }));
    expect(r.shop).toEqual({ shopId: '98765432', confidence: 'page' });
    expect(r.tickets[0]?.shopId).toBe('98765432');
    expect(read(record()).shop).toBeUndefined();
  });
});
