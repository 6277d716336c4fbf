/** Refund-list React row records [modelled shape: the open platform's refund object]. */
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../../../tests/support/fixtures';
import { taobaoAdapter } from './index';
import { ctxAt } from './testing';

const H = 3600_000;
const read = (record: unknown, page = 'taobao.refund-list' as const) =>
  taobaoAdapter.readRecord!(record, page, ctxAt());
const base = {
  refund_id: '204812345670001001',
  tid: '4061234567890123456',
  buyer_nick: 'tb_晴天小雨',
  title: '加厚珊瑚绒四件套',
  created: '2026-11-24 11:32:05',
  status: 'WAIT_SELLER_AGREE',
  refund_fee: '59.90',
  refund_remind_timeout: { exist_timeout: true, remind_type: 1, timeout: '2026-11-26 10:00:00' },
};

describe('taobao refund records', () => {
  it('open-platform fields → ticket with the timeout as an instant', () => {
    const r = read(base);
    expect(r.issues).toEqual([]);
    expect(r.shop).toBeUndefined(); // records name no seller: the overlay keeps the page's shop
    expect(r.tickets[0]).toMatchObject({
      nativeId: '204812345670001001',
      orderId: '4061234567890123456',
      kind: 'refund',
      status: 'pending',
      amountFen: 5990,
      createdAt: Date.UTC(2026, 10, 24, 3, 32, 5),
      deadline: { type: 'at', at: FIXTURE_NOW + 24 * H },
    });
  });

  it('camelCase spellings of the same fields', () => {
    const r = read({
      refundId: '204812345670001002',
      tid: '4061234567890223456',
      status: 'SUCCESS',
      refundFee: 128,
      hasGoodReturn: true,
    });
    expect(r.tickets[0]).toMatchObject({
      nativeId: '204812345670001002',
      kind: 'return',
      status: 'done',
      amountFen: 12800,
    });
  });

  it.each([
    ['WAIT_SELLER_AGREE', 'pending'],
    ['WAIT_SELLER_CONFIRM_GOODS', 'pending'],
    ['WAIT_BUYER_RETURN_GOODS', 'processing'],
    ['SELLER_REFUSE_BUYER', 'processing'],
    ['SUCCESS', 'done'],
    ['CLOSED', 'closed'],
    ['买家已申请退款，等待卖家同意', 'pending'],
  ] as const)('status %s → %s', (status, expected) => {
    expect(read({ ...base, status }).tickets[0]?.status).toBe(expected);
  });

  it.each([
    ['REFUND', 'refund'],
    ['REFUND_AND_RETURN', 'return'],
    ['TMALL_EXCHANGE', 'exchange'],
    ['TAOBAO_EXCHANGE', 'exchange'],
  ] as const)('dispute_type %s → %s', (dispute_type, kind) => {
    expect(read({ ...base, dispute_type }).tickets[0]?.kind).toBe(kind);
  });

  it('exist_timeout:false → no deadline, nothing flagged', () => {
    const t = read({ ...base, refund_remind_timeout: { exist_timeout: false, timeout: '2026-11-26 10:00:00' } })
      .tickets[0];
    expect(t?.deadline).toBeUndefined();
    expect(t?.deadlineUnreadable).toBeUndefined();
  });

  it('an unreadable timeout is flagged, never guessed', () => {
    const r = read({ ...base, refund_remind_timeout: { exist_timeout: true, timeout: '--' } });
    expect(r.tickets[0]?.deadlineUnreadable).toBe(true);
    expect(r.issues).toEqual([
      { code: 'deadline-invalid', detail: 'refund 204812345670001001: timeout not a plausible time' },
    ]);
  });

  it('a timeout in epoch seconds or ms', () => {
    const s = (FIXTURE_NOW + H) / 1000;
    expect(read({ ...base, refund_remind_timeout: { exist_timeout: true, timeout: s } }).tickets[0]?.deadline).toEqual({
      type: 'at',
      at: FIXTURE_NOW + H,
    });
    expect(
      read({ ...base, refund_remind_timeout: { exist_timeout: true, timeout: FIXTURE_NOW + H } }).tickets[0]?.deadline,
    ).toEqual({ type: 'at', at: FIXTURE_NOW + H });
  });

  it('ids beyond 2^53 have lost digits already: refused, not misread', () => {
    const r = read({ ...base, tid: Number('4061234567890223456') });
    expect(r.tickets[0]?.orderId).toBeUndefined();
    expect(r.issues).toEqual([{ code: 'field-missing', detail: 'refund 204812345670001001: tid not a safe integer' }]);
    expect(read({ ...base, refund_id: Number('204812345670001001') }).issues).toEqual([
      { code: 'item-invalid', detail: 'record 0: refund_id not a safe integer' },
    ]);
  });

  it('not a refund record → item-invalid, no buyer data in the detail', () => {
    const r = read({ buyer_nick: 'tb_晴天小雨' });
    expect(r.tickets).toEqual([]);
    expect(r.issues).toEqual([{ code: 'item-invalid', detail: 'record 0: refund_id missing' }]);
    expect(read('not an object').issues[0]?.code).toBe('item-invalid');
  });

  it('only the refund list has records', () => {
    expect(taobaoAdapter.readRecord!(base, 'taobao.task-tickets', ctxAt())).toEqual({ tickets: [], issues: [] });
  });
});
