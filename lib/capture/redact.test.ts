import { describe, expect, it } from 'vitest';
import { REDACTED, redactJson, redactText } from './redact';

describe('redactText', () => {
  it('removes phones, labelled personal values, addresses and emails', () => {
    expect(redactText('收货人：张三 13812345678')).not.toMatch(/张三|13812345678/);
    expect(redactText('联系电话: 138-1234-5678')).not.toContain('1234');
    expect(redactText('买家：小明同学，订单编号：241125-512345678901234')).toBe(
      `买家：${REDACTED}，订单编号：241125-512345678901234`,
    );
    expect(redactText('浙江省杭州市西湖区文三路90号')).toBe(REDACTED);
    expect(redactText('138****5678')).toBe(REDACTED);
    expect(redactText('a@b.com')).toBe(REDACTED);
  });
  it('keeps ids, times, products and statuses', () => {
    const s = '工单编号：9001001 创建时间：2026-11-25 09:00:00 加厚珊瑚绒四件套 1.8m床 待处理 剩余23小时59分';
    expect(redactText(s)).toBe(s);
  });
});

describe('redactJson', () => {
  it('drops personal fields but keeps what an adapter fix needs', () => {
    const out = redactJson({
      instanceId: 9001001,
      orderSn: '241125-512345678901234',
      goodsName: '不锈钢保温杯',
      buyer_nick: 'tb_小明',
      receiver_phone: '13812345678',
      userInfo: { userName: '王五' },
      address: '浙江省杭州市西湖区文三路90号',
      reason_text: '请联系 13912345678',
      mallId: 445566778,
    }) as Record<string, unknown>;
    expect(out).toMatchObject({
      instanceId: 9001001,
      orderSn: '241125-512345678901234',
      goodsName: '不锈钢保温杯',
      buyer_nick: REDACTED,
      receiver_phone: REDACTED,
      userInfo: { userName: REDACTED },
      address: REDACTED,
      reason_text: `请联系 ${REDACTED}`,
      mallId: 445566778,
    });
  });
});
