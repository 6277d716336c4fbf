/** Taobao's patterns; its selector evidence is checked with every adapter's (tests/support/adapter-contract.ts). */
import { describe, expect, it } from 'vitest';
import * as sel from './selectors';

describe('taobao selectors: patterns', () => {
  it('countdown cue words, but not the timestamp label alone', () => {
    for (const t of ['剩余1天23时', '还剩 23小时59分', '已逾期2小时', '超时30分钟', '剩余 00:45:10'])
      expect(sel.countdownCue.test(t), t).toBe(true);
    expect(sel.countdownCue.test('买家已申请退款，等待卖家同意')).toBe(false);
  });

  it('date-time text in the formats the seller center prints', () => {
    for (const t of [
      '2026-11-24 10:00:00',
      '2026/11/24 10:00',
      '2026年11月24日 10:00',
      '11-24 10:00',
      '今天 10:00',
      '昨天 21:30',
    ]) {
      expect(sel.dateTimeText.exec(`申请时间：${t}`)?.[0], t).toBe(t);
    }
    expect(sel.dateTimeText.test('订单编号：241125-512345678901234')).toBe(false);
  });

  it('task detector words are data', () => {
    expect(sel.taskHeaderWords.some((re) => re.test('工单编号'))).toBe(true);
    expect(sel.taskHeaderWords.some((re) => re.test('任务ID'))).toBe(true);
    expect(sel.taskHeaderWords.some((re) => re.test('退款编号'))).toBe(false);
    expect(sel.taskRowWords.some((re) => re.test('催揽收任务工单'))).toBe(true);
    expect(sel.taskRowWords.some((re) => re.test('完成店铺首页装修'))).toBe(false);
  });

  it('timeout before words: `… 前未处理，系统将自动…`', () => {
    expect(sel.timeoutAtBefore.exec('2026-11-26 10:00 前未处理，系统将自动确认收货')?.[1]).toBe('2026-11-26 10:00');
    expect(sel.timeoutAtBefore.test('2026-11-26 10:00 前发货')).toBe(false);
  });
});
