import { describe, expect, it } from 'vitest';
import { turnOf, yuanToFen } from './shared';

describe('turnOf: whose move an after-sale status describes', () => {
  it.each([
    ['退货退款，待商家确认收货', 'merchant'],
    ['买家已申请退款，等待卖家同意', 'merchant'],
    ['待买家退货', 'buyer'],
    ['卖家已同意退款，等待买家退货', 'buyer'],
    ['商家拒绝，待买家处理', 'buyer'],
    ['平台介入中', 'platform'],
    ['买家已退货，待商家收货', 'merchant'],
    ['退款成功', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (text, turn) => {
    expect(turnOf(text)).toBe(turn);
  });
});

describe('yuanToFen', () => {
  it('converts without float drift', () => {
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('¥1,299.99')).toBe(129999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen('abc')).toBeUndefined();
  });
});
