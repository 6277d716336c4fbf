import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../tests/support/fixtures';
import { chatReplyContext } from './chat';
import { pddAdapter } from './index';
import { ticketFieldsFromReplyContext, valuesFromTicket } from '../../templates/variables';

const CHAT = 'https://mms.pinduoduo.com/chat-merchant/index.html';

describe('PDD chat reply box', () => {
  it('finds #replyTextarea with the open conversation as context', () => {
    const boxes = pddAdapter.replyBoxes?.(loadDocument('pdd', 'chat--base.html', CHAT), 'pdd.chat') ?? [];
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.element.id).toBe('replyTextarea');
    expect(boxes[0]?.context).toEqual({
      buyer: '阳光小王',
      orderId: '261124-492017365820914',
      product: '316不锈钢保温杯 500ml 大容量',
    });
  });

  it('fills the refund amount from the order card that shows one, and never takes the price paid for it', () => {
    const withCard = pddAdapter.replyBoxes?.(loadDocument('pdd', 'chat--refund-card.html', CHAT), 'pdd.chat') ?? [];
    expect(withCard[0]?.context).toEqual({
      buyer: '阳光小王',
      orderId: '261124-492017365820914',
      product: '316不锈钢保温杯 500ml 大容量',
      refundAmount: '12.30',
    });
    // The base page's cards show only 实付 ¥25.90: no refund amount, the picker asks for it.
    const base = pddAdapter.replyBoxes?.(loadDocument('pdd', 'chat--base.html', CHAT), 'pdd.chat') ?? [];
    expect(base[0]?.context.refundAmount).toBeUndefined();
    expect(valuesFromTicket(ticketFieldsFromReplyContext(withCard[0]!.context)).refundAmount).toBe('¥12.30');
    expect(valuesFromTicket(ticketFieldsFromReplyContext(base[0]!.context)).refundAmount).toBeUndefined();
  });

  it('takes the refund amount from the side panel card of the same order when the sent card has none', () => {
    const w = new Window({ url: CHAT });
    const d = w.document as unknown as Document;
    d.body.innerHTML = `<div class="msg-list"><div class="order-card">订单编号：261124-492017365820914</div></div>
      <div class="order-panel">
        <div class="order-card">订单编号：261102-883016427590318 退款金额：¥9.90</div>
        <div class="order-card">订单编号：261124-492017365820914 实付：¥25.90 退款金额 ￥8</div>
      </div>`;
    expect(chatReplyContext(d).refundAmount).toBe('8');
  });

  it('offers no box on other pages', () => {
    expect(pddAdapter.replyBoxes?.(loadDocument('pdd', 'chat--base.html', CHAT), 'pdd.work-order-detail')).toEqual([]);
  });

  it('falls back to the newest order in the side panel, and to nothing', () => {
    const w = new Window({ url: CHAT });
    const d = w.document as unknown as Document;
    d.body.innerHTML = `<div class="chat-item active"><span class="chat-item-nickname">木子李</span></div>
      <div class="order-panel"><div class="order-card"><div>订单编号：261102-883016427590318</div><div class="order-card-goods-name">纯棉毛巾</div></div></div>`;
    expect(chatReplyContext(d)).toEqual({ buyer: '木子李', orderId: '261102-883016427590318', product: '纯棉毛巾' });
    d.body.innerHTML = '<textarea id="replyTextarea"></textarea>';
    expect(chatReplyContext(d)).toEqual({});
    expect(pddAdapter.replyBoxes?.(d, 'pdd.chat')[0]?.context).toEqual({});
  });
});
