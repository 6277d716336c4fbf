import { describe, expect, it } from 'vitest';
import { allowedTicketUrl } from './tabs';

describe('allowedTicketUrl', () => {
  it("opens only the ticket's own platform's seller hosts over https", () => {
    expect(allowedTicketUrl('https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1', 'pdd')).toBe(true);
    expect(allowedTicketUrl('https://fxg.jinritemai.com/ffa/x', 'pdd')).toBe(false);
    expect(allowedTicketUrl('https://evil.example/mms.pinduoduo.com', 'pdd')).toBe(false);
    expect(allowedTicketUrl('http://mms.pinduoduo.com/x', 'pdd')).toBe(false);
    expect(allowedTicketUrl('https://user:pw@mms.pinduoduo.com/x', 'pdd')).toBe(false);
    expect(allowedTicketUrl('javascript:alert(1)')).toBe(false);
    expect(allowedTicketUrl('https://qn.taobao.com/x', 'taobao')).toBe(true);
  });
});
