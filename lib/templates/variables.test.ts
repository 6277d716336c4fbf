import { describe, expect, it } from 'vitest';
import {
  VARIABLE_KEYS,
  VARIABLES,
  formatFen,
  ticketFieldsFromReplyContext,
  valuesFromTicket,
  variableForToken,
  variableToken,
} from './variables';

describe('variable catalogue', () => {
  it('describes every key once, with distinct zh and en tokens', () => {
    expect(VARIABLES.map((v) => v.key).sort()).toEqual([...VARIABLE_KEYS].sort());
    const tokens = VARIABLES.flatMap((v) => [v.zh, v.en]);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('resolves zh names and en keys, nothing else', () => {
    expect(variableForToken('买家')).toBe('buyer');
    expect(variableForToken('buyer')).toBe('buyer');
    expect(variableForToken('订单号')).toBe('orderId');
    expect(variableForToken('Buyer')).toBeUndefined();
    expect(variableForToken('不存在')).toBeUndefined();
    expect(variableToken('deadline')).toBe('{截止时间}');
  });
});

describe('formatFen', () => {
  it('writes yuan with two decimals', () => {
    expect(formatFen(1230)).toBe('¥12.30');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123456789)).toBe('¥1234567.89');
  });
  it('refuses what is not an amount', () => {
    expect(formatFen(-1)).toBeUndefined();
    expect(formatFen(1.5)).toBeUndefined();
    expect(formatFen(Number.NaN)).toBeUndefined();
  });
});

describe('valuesFromTicket', () => {
  it('fills from ticket fields with formatting', () => {
    const v = valuesFromTicket({
      buyer: ' 小明 ',
      orderId: '250101-123',
      amountFen: 1230,
      // 2026-11-24 02:00 UTC = 10:00 Beijing
      dueAt: Date.UTC(2026, 10, 24, 2, 0),
      shopName: '雷达旗舰店',
      nativeId: 'T1',
      product: '',
    });
    expect(v).toEqual({
      buyer: '小明',
      orderId: '250101-123',
      refundAmount: '¥12.30',
      deadline: '2026-11-24 10:00',
      shop: '雷达旗舰店',
      ticketId: 'T1',
    });
  });

  it('lets later sources win and ignores blanks', () => {
    const v = valuesFromTicket(
      { buyer: '旧名', trackingNo: 'SF1' },
      ticketFieldsFromReplyContext({ buyer: '新名', trackingNo: '  ' }),
    );
    expect(v.buyer).toBe('新名');
    expect(v.trackingNo).toBe('SF1');
  });
});
