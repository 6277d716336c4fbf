/** Task tickets 催揽收 / 催发货 [modelled]: content detector, row reader, anchors, detail and reply boxes. */
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, loadDocument } from '../../../tests/support/fixtures';
import { findTaskTable } from './detect';
import { taobaoAdapter } from './index';
import { kindFrom, statusFrom, taskKinds, taskStatuses } from './kinds';
import { ctxAt, docOf, fusionTable } from './testing';

const URL_ = 'https://myseller.taobao.com/home.htm/unknown-task-route';
const HEAD = ['工单编号', '工单类型', '订单信息', '买家', '创建时间', '工单状态', '操作'];
const H = 3600_000;

function row(o: Partial<Record<'id' | 'type' | 'order' | 'buyer' | 'created' | 'status', string>> = {}) {
  return [
    o.id ?? '8810000123451',
    o.type ?? '催揽收任务工单',
    o.order ?? '<div>订单编号：4061234567890723456</div><div>运单号：YT7512345678901</div>',
    o.buyer ?? '小***子',
    o.created ?? '2026-11-24 16:20:00',
    o.status ?? '<div>等待卖家回复</div>',
    '<button>回复</button>',
  ];
}
const read = (html: string) => taobaoAdapter.readRows!(docOf(html, URL_), 'taobao.task-tickets', ctxAt(URL_));

describe('taobao task tickets: content detector', () => {
  it('finds the table and its header words', () => {
    const found = findTaskTable(docOf(fusionTable(HEAD, [row()]), URL_));
    expect(found?.headers).toEqual(HEAD);
    expect(found?.rows).toHaveLength(1);
  });

  it('a 工单 header without 催揽收/催发货 rows is not a task-ticket table', () => {
    expect(findTaskTable(docOf(fusionTable(HEAD, [row({ type: '发票申请' })]), URL_))).toBeUndefined();
  });

  it('催发货 rows under a header without 工单/任务 are not either', () => {
    expect(findTaskTable(docOf(fusionTable(['宝贝', '交易状态'], [['毛巾', '买家已催发货']]), URL_))).toBeUndefined();
  });

  it('a plain <table> with <thead> works as well as Fusion', () => {
    const html = `<table><thead><tr><th>任务ID</th><th>任务名称</th><th>创建时间</th><th>状态</th></tr></thead><tbody><tr><td>7720000456781</td><td>催揽收</td><td>2026-11-25 08:30</td><td>待处理</td></tr></tbody></table>`;
    const r = read(html);
    expect(r.tickets.map((t) => [t.nativeId, t.kind, t.status])).toEqual([['7720000456781', 'urge-pickup', 'pending']]);
  });
});

describe('taobao task tickets: reader', () => {
  it('reads id, kind, status, order, tracking number and creation time; no platform deadline', () => {
    const { tickets, issues } = read(fusionTable(HEAD, [row()]));
    expect(issues).toEqual([]);
    expect(tickets[0]).toMatchObject({
      platform: 'taobao',
      nativeId: '8810000123451',
      kind: 'urge-pickup',
      title: '催揽收任务工单',
      status: 'pending',
      orderId: '4061234567890723456',
      trackingNo: 'YT7512345678901',
      createdAt: FIXTURE_NOW - 17 * H - 40 * 60_000,
    });
    // The rule table (taobao-urge-pickup, 24 h from creation) is the background's job.
    expect(tickets[0]?.deadline).toBeUndefined();
    expect(tickets[0]?.deadlineUnreadable).toBeUndefined();
  });

  it.each([
    ['催揽收任务工单', 'urge-pickup'],
    ['催揽收', 'urge-pickup'],
    ['揽收超时', 'urge-pickup'],
    ['催发货任务工单', 'urge-ship'],
    ['催发货提醒', 'urge-ship'],
    ['协同工单（物流异常）', 'service-request'],
    ['售后任务', 'service-request'],
  ] as const)('type %s → %s', (type, kind) => {
    expect(kindFrom(type, taskKinds, 'service-request')).toBe(kind);
  });

  it('kind from row words only when no type cell says it, and 已揽收 is not 催揽收', () => {
    const html = fusionTable(
      ['工单编号', '说明', '状态'],
      [['8810000123459', '催发货：买家催促尽快发货（已揽收后自动完结）', '待处理']],
    );
    expect(read(html).tickets[0]?.kind).toBe('urge-ship');
  });

  it.each([
    ['等待卖家回复', 'pending'],
    ['待处理', 'pending'],
    ['已超时', 'pending'],
    ['处理中', 'processing'],
    ['卖家已回复', 'done'],
    ['已回复', 'done'],
    ['已完结', 'done'],
    ['已揽收', 'done'],
    ['已关闭', 'closed'],
    ['已撤销', 'closed'],
  ] as const)('status %s → %s', (text, status) => {
    expect(statusFrom(text, taskStatuses)).toBe(status);
  });

  it('a countdown in the row is the platform deadline', () => {
    const { tickets } = read(fusionTable(HEAD, [row({ status: '<div>等待卖家回复</div><div>剩余 6小时20分</div>' })]));
    expect(tickets[0]?.deadline).toEqual({ type: 'remaining', ms: 6 * H + 20 * 60_000, receivedAt: FIXTURE_NOW });
  });

  it('a missing creation time is reported (the rule deadline needs it)', () => {
    const { tickets, issues } = read(fusionTable(HEAD, [row({ created: '-' })]));
    expect(tickets[0]?.createdAt).toBeUndefined();
    expect(issues).toEqual([{ code: 'field-missing', detail: 'task 8810000123451: 创建时间 not found' }]);
  });

  it('a row without ticket id is keyed by kind and order', () => {
    const { tickets } = read(fusionTable(HEAD, [row({ id: '' })]));
    expect(tickets[0]?.nativeId).toBe('urge-pickup-4061234567890723456');
  });

  it('a row with neither id nor order is reported, other rows still read', () => {
    const { tickets, issues } = read(fusionTable(HEAD, [row(), row({ id: '', order: '—', type: '催发货任务工单' })]));
    expect(tickets).toHaveLength(1);
    expect(issues).toEqual([{ code: 'field-missing', detail: 'task row 1: 工单编号 and 订单编号 not found' }]);
  });

  it('协同工单 rows are service requests tagged for rules', () => {
    const { tickets } = read(
      fusionTable(HEAD, [row(), row({ id: '8810000123455', type: '协同工单（物流异常）', status: '处理中' })]),
    );
    expect(tickets[1]).toMatchObject({ kind: 'service-request', status: 'processing', tags: ['协同工单'] });
  });

  it('the table gone after detection (SPA re-render) → no-rows', () => {
    expect(read('<div>任务工单</div>').issues.map((i) => i.code)).toEqual(['no-rows']);
  });
});

describe('taobao task tickets: anchors', () => {
  it('one anchor per row, in the status cell', () => {
    const doc = loadDocument('taobao', 'task-tickets--rendered.html', URL_);
    const anchors = taobaoAdapter.rows(doc, 'taobao.task-tickets');
    expect(anchors.map((a) => a.nativeId)).toEqual([
      '8810000123451',
      '8810000123452',
      '8810000123453',
      '8810000123454',
      '8810000123455',
    ]);
    expect(
      anchors.every((a) => a.slot.tagName === 'TD' && /等待卖家回复|已回复|处理中/.test(a.slot.textContent ?? '')),
    ).toBe(true);
  });

  it('ARIA grid rows anchor in their status cell too', () => {
    const doc = loadDocument('taobao', 'task-tickets--drift.html', URL_);
    const anchors = taobaoAdapter.rows(doc, 'taobao.task-tickets');
    expect(anchors).toHaveLength(4);
    expect(anchors.every((a) => a.slot.getAttribute('role') === 'cell')).toBe(true);
  });
});

describe('taobao task ticket detail and reply box [modelled]', () => {
  const DETAIL_URL = 'https://myseller.taobao.com/home.htm/unknown-task-detail-route';

  it('reply box with its ticket context', () => {
    const doc = loadDocument('taobao', 'task-ticket-detail--rendered.html', DETAIL_URL);
    const boxes = taobaoAdapter.replyBoxes!(doc, 'taobao.task-ticket-detail');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.element.tagName).toBe('TEXTAREA');
    expect(boxes[0]?.context).toEqual({
      orderId: '4061234567890723456',
      nativeId: '8810000123451',
      trackingNo: 'YT7512345678901',
      buyer: '小***子',
    });
  });

  it('a textarea far from any 回复 text is not a reply box', () => {
    const doc = docOf(
      '<div><h3>宝贝描述</h3><div><textarea></textarea></div></div><div>工单编号：8810000123451 催揽收</div>',
      DETAIL_URL,
    );
    expect(taobaoAdapter.replyBoxes!(doc, 'taobao.task-ticket-detail')).toEqual([]);
  });

  it('a placeholder mentioning 回复 is enough; context may be empty', () => {
    const doc = docOf('<div><textarea placeholder="请输入回复内容"></textarea></div>', DETAIL_URL);
    expect(taobaoAdapter.replyBoxes!(doc, 'taobao.task-ticket-detail')).toEqual([
      { element: doc.querySelector('textarea'), context: {} },
    ]);
  });

  it('no reply boxes offered on the refund list', () => {
    const doc = loadDocument('taobao', 'task-ticket-detail--rendered.html', DETAIL_URL);
    expect(taobaoAdapter.replyBoxes!(doc, 'taobao.refund-list')).toEqual([]);
  });

  it('the detail is read as one ticket (status after a reply shows there first)', () => {
    const html = loadDocument(
      'taobao',
      'task-ticket-detail--rendered.html',
      DETAIL_URL,
    ).documentElement.outerHTML.replace('等待卖家回复', '已回复');
    const r = taobaoAdapter.readRows!(docOf(html, DETAIL_URL), 'taobao.task-ticket-detail', ctxAt(DETAIL_URL));
    expect(r.tickets.map((t) => [t.nativeId, t.kind, t.status])).toEqual([['8810000123451', 'urge-pickup', 'done']]);
  });
});

describe('taobao 催发货 once shipped', () => {
  it('reads 发货时间 so rule taobao-pickup-after-urge-ship counts 24 h from shipping', async () => {
    const head = ['工单编号', '工单类型', '订单信息', '创建时间', '发货时间', '工单状态'];
    const html = fusionTable(head, [
      [
        '8810000123459',
        '催发货任务工单',
        '<div>订单编号：4061234567890723456</div>',
        '2026-11-24 16:20:00',
        '2026-11-25 08:00:00',
        '<div>等待卖家回复</div>',
      ],
    ]);
    const { tickets } = read(html);
    expect(tickets[0]).toMatchObject({ kind: 'urge-ship', shippedAt: FIXTURE_NOW - 2 * H });
    const { computeDeadline, DEFAULT_RULES } = await import('../../sla');
    expect(computeDeadline({ ...tickets[0]!, firstSeenAt: FIXTURE_NOW }, DEFAULT_RULES)).toMatchObject({
      ruleId: 'taobao-pickup-after-urge-ship',
      dueAt: FIXTURE_NOW + 22 * H,
    });
  });
});
