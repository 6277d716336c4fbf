/** Refund-list DOM-text reader: ids, amounts, statuses, kinds, times and the deadline a row shows. */
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, listFixtures, loadDocument } from '../../../tests/support/fixtures';
import { taobaoAdapter } from './index';
import { kindFrom, refundKinds, refundStatuses, statusFrom } from './kinds';
import { ctxAt, docOf, fusionTable, REFUND_URL } from './testing';

const H = 3600_000;
const M = 60_000;
const HEAD = ['宝贝信息', '买家', '退款编号', '退款金额', '退款类型', '申请时间', '退款状态', '操作'];

/** One refund row with overridable cells. */
function row(
  o: Partial<Record<'goods' | 'buyer' | 'id' | 'fee' | 'type' | 'created' | 'status' | 'ops', string>> = {},
) {
  return [
    o.goods ?? '<a>加厚珊瑚绒四件套</a><div>订单编号：4061234567890123456</div>',
    o.buyer ?? 'tb_晴天小雨',
    o.id ?? '204812345670001001',
    o.fee ?? '¥59.90',
    o.type ?? '仅退款',
    o.created ?? '2026-11-24 11:32:05',
    o.status ?? '<div>买家已申请退款，等待卖家同意</div><div>剩余1天01时32分</div>',
    o.ops ?? '<button>同意退款</button>',
  ];
}
const read = (html: string, url = REFUND_URL) =>
  taobaoAdapter.readRows!(docOf(html, url), 'taobao.refund-list', ctxAt(url));
const readOne = (cells: string[]) => {
  const r = read(fusionTable(HEAD, [cells]));
  expect(r.tickets).toHaveLength(1);
  return { ticket: r.tickets[0]!, issues: r.issues };
};

describe('taobao refund list: ids', () => {
  it('refund id from its column, order id from the 宝贝 cell label', () => {
    const { ticket } = readOne(row());
    expect(ticket.nativeId).toBe('204812345670001001');
    expect(ticket.orderId).toBe('4061234567890123456');
  });

  it.each([
    ['退款编号：204812345670009999'],
    ['退款单号：204812345670009999'],
    ['退款单号: 204812345670009999'],
    ['售后单号：204812345670009999'],
  ])('refund id from a label when no column has it: %s', (label) => {
    const r = read(
      fusionTable(
        ['宝贝', '退款状态'],
        [[`<a>毛巾</a><div>${label}</div><div>子订单编号：4061234567890123457</div>`, '买家已申请退款，等待卖家同意']],
      ),
    );
    expect(r.tickets[0]?.nativeId).toBe('204812345670009999');
    expect(r.tickets[0]?.orderId).toBe('4061234567890123457');
  });

  it('label split across elements (`<span>退款编号：</span><span>…</span>`)', () => {
    const r = read(
      fusionTable(['宝贝', '状态'], [['<span>退款编号：</span><span>204812345670007777</span>', '退款成功']]),
    );
    expect(r.tickets[0]?.nativeId).toBe('204812345670007777');
  });

  it('a row with an order number but no refund id is skipped and reported without buyer data', () => {
    const r = read(
      fusionTable(
        ['宝贝', '买家', '状态'],
        [['<div>订单编号：4061234567890123456</div>', 'tb_晴天小雨', '买家已申请退款，等待卖家同意']],
      ),
    );
    expect(r.tickets).toHaveLength(0);
    expect(r.issues).toEqual([{ code: 'field-missing', detail: 'refund row 0: 退款编号 not found' }]);
  });

  it('columns are not used when header and cells do not line up (colspan, extra column)', () => {
    const cells = row();
    cells.unshift('<input type="checkbox">');
    const r = read(fusionTable(HEAD, [cells]));
    // 退款编号 has no label in this row, so without aligned columns there is no id: skip, never misread.
    expect(r.tickets).toHaveLength(0);
    expect(r.issues[0]?.code).toBe('field-missing');
  });
});

describe('taobao refund list: amounts (yuan text → fen)', () => {
  it.each([
    ['¥59.90', 5990],
    ['¥12.3', 1230],
    ['￥1,299.00', 129900],
    ['12.30元', 1230],
    ['¥0.01', 1],
    ['¥128', 12800],
  ])('%s → %i fen', (fee, fen) => {
    expect(readOne(row({ fee })).ticket.amountFen).toBe(fen);
  });

  it('an unreadable amount is left out and reported', () => {
    const { ticket, issues } = readOne(row({ fee: '¥--' }));
    expect(ticket.amountFen).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual([]); // `¥--` has no digits: the field is simply absent
  });
});

describe('taobao refund list: status and kind words', () => {
  it.each([
    ['买家已申请退款，等待卖家同意', 'pending'],
    ['买家已退货，等待卖家确认收货', 'pending'],
    ['卖家已同意退款，等待买家退货', 'processing'],
    ['卖家拒绝退款', 'processing'],
    ['小二介入处理中', 'processing'],
    ['退款成功', 'done'],
    ['退款关闭', 'closed'],
    ['买家撤销退款申请，退款关闭', 'closed'],
  ] as const)('%s → %s', (text, status) => {
    expect(statusFrom(text, refundStatuses)).toBe(status);
    expect(readOne(row({ status: `<div>${text}</div>` })).ticket.status).toBe(status);
  });

  it('unknown status wording stays open and is reported', () => {
    const { ticket, issues } = readOne(row({ status: '<div>神秘状态</div>' }));
    expect(ticket.status).toBe('pending');
    expect(issues).toContainEqual({
      code: 'status-unknown',
      detail: 'refund 204812345670001001: status text not recognised',
    });
  });

  it.each([
    ['仅退款', 'refund'],
    ['退货退款', 'return'],
    ['换货', 'exchange'],
    ['维修', 'other'],
  ] as const)('%s → %s', (type, kind) => {
    expect(kindFrom(type, refundKinds, 'refund')).toBe(kind);
    const { ticket } = readOne(row({ type }));
    expect(ticket.kind).toBe(kind);
    expect(ticket.title).toBe(type);
  });
});

describe('taobao refund list: times and deadlines', () => {
  it.each([
    ['2026-11-24 11:32:05', Date.UTC(2026, 10, 24, 3, 32, 5)],
    ['2026/11/24 11:32', Date.UTC(2026, 10, 24, 3, 32)],
    ['11-24 11:32', Date.UTC(2026, 10, 24, 3, 32)],
    ['今天 08:05', FIXTURE_NOW - H - 55 * M],
    ['昨天 21:30', Date.UTC(2026, 10, 24, 13, 30)],
  ])('申请时间 %s (Beijing)', (created, at) => {
    expect(readOne(row({ created })).ticket.createdAt).toBe(at);
  });

  it('a countdown counts from the moment the page was read', () => {
    const { ticket } = readOne(row({ status: '<div>买家已申请退款，等待卖家同意</div><div>剩余1天01时32分</div>' }));
    expect(ticket.deadline).toEqual({ type: 'remaining', ms: 25 * H + 32 * M, receivedAt: FIXTURE_NOW });
  });

  it('an overdue text gives negative time left', () => {
    const { ticket } = readOne(row({ status: '<div>买家已申请换货，等待卖家处理</div><div>已超时2小时15分</div>' }));
    expect(ticket.deadline).toEqual({ type: 'remaining', ms: -(2 * H + 15 * M), receivedAt: FIXTURE_NOW });
  });

  it('a timeout timestamp is an instant', () => {
    const { ticket } = readOne(
      row({ status: '<div>买家已退货，等待卖家确认收货</div><div>超时时间：2026-11-26 10:00:00</div>' }),
    );
    expect(ticket.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 24 * H });
  });

  it('the timestamp wins over a countdown in the same row (exact, not rounded)', () => {
    const { ticket } = readOne(
      row({ status: '<div>等待卖家同意</div><div>剩余1天</div><div>超时时间：2026-11-26 10:00:00</div>' }),
    );
    expect(ticket.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 24 * H });
  });

  it('`… 前未处理，系统将自动…` is a timeout timestamp', () => {
    const { ticket } = readOne(
      row({
        status: '<div>买家已退货，等待卖家确认收货</div><div>2026-11-26 10:00 前未处理，系统将自动确认收货</div>',
      }),
    );
    expect(ticket.deadline).toEqual({ type: 'at', at: FIXTURE_NOW + 24 * H });
  });

  it('a countdown element without a cue word (`23:59:59`)', () => {
    const { ticket } = readOne(row({ status: '<div>等待卖家同意</div><span class="next-countdown">23:59:59</span>' }));
    expect(ticket.deadline).toEqual({ type: 'remaining', ms: 24 * H - 1000, receivedAt: FIXTURE_NOW });
  });

  it('hours in a product title are not a countdown', () => {
    const { ticket } = readOne(
      row({
        goods: '<a>保温杯 12小时保温</a><div>订单编号：4061234567890123456</div>',
        status: '<div>买家已申请退款，等待卖家同意</div>',
      }),
    );
    expect(ticket.deadline).toBeUndefined();
    expect(ticket.deadlineUnreadable).toBeUndefined();
  });

  it('超时 in a service tag or a refund reason is not a deadline', () => {
    const { ticket, issues } = readOne(
      row({
        goods:
          '<a>毛巾</a><span class="tag">超时赔付</span><div>退款原因：卖家超时未发货</div><div>订单编号：4061234567890123456</div>',
      }),
    );
    expect(ticket.deadline).toEqual({ type: 'remaining', ms: 25 * H + 32 * M, receivedAt: FIXTURE_NOW });
    expect(issues).toEqual([]);
    const none = readOne(
      row({ goods: '<a>毛巾</a><span class="tag">超时赔付</span>', status: '<div>等待卖家同意</div>' }),
    );
    expect(none.ticket.deadline).toBeUndefined();
    expect(none.ticket.deadlineUnreadable).toBeUndefined();
  });

  it('a shown but unreadable deadline is flagged, so no rule deadline is guessed', () => {
    const { ticket, issues } = readOne(
      row({ status: '<div>买家已申请退款，等待卖家同意</div><div>剩余时间：--</div>' }),
    );
    expect(ticket.deadline).toBeUndefined();
    expect(ticket.deadlineUnreadable).toBe(true);
    expect(issues).toContainEqual({
      code: 'deadline-invalid',
      detail: 'refund 204812345670001001: timeout text not readable',
    });
  });

  it('an implausible timestamp is unreadable, not a deadline', () => {
    const { ticket } = readOne(row({ status: '<div>等待卖家同意</div><div>超时时间：2031-01-01 10:00:00</div>' }));
    expect(ticket.deadline).toBeUndefined();
    expect(ticket.deadlineUnreadable).toBe(true);
  });

  it('finished rows carry no deadline even when they say 超时', () => {
    const { ticket, issues } = readOne(row({ status: '<div>退款关闭</div><div>买家超时未退货，退款关闭</div>' }));
    expect(ticket.status).toBe('closed');
    expect(ticket.deadline).toBeUndefined();
    expect(ticket.deadlineUnreadable).toBeUndefined();
    expect(issues).toEqual([]);
  });
});

describe('taobao refund list: page states', () => {
  it('login box → not-logged-in', () => {
    const r = taobaoAdapter.readRows!(
      loadDocument('taobao', 'refund-list--logged-out.html', REFUND_URL),
      'taobao.refund-list',
      ctxAt(),
    );
    expect(r).toEqual({
      tickets: [],
      issues: [{ code: 'not-logged-in', detail: 'refund list shows the login box' }],
      loggedOut: true,
    });
  });

  it('no table and no empty state → no-rows (drift)', () => {
    const r = read('<div class="refund-list"><div class="item">退款</div></div>');
    expect(r.issues.map((i) => i.code)).toEqual(['no-rows']);
  });

  it('still loading → nothing to report yet', () => {
    const r = read('<div class="next-table"><div class="next-loading-tip">加载中…</div></div>');
    expect(r.issues).toEqual([]);
  });

  it('the empty list is not drift', () => {
    const r = taobaoAdapter.readRows!(
      loadDocument('taobao', 'refund-list--empty.html', REFUND_URL),
      'taobao.refund-list',
      ctxAt(),
    );
    expect(r.tickets).toEqual([]);
    expect(r.issues).toEqual([]);
  });
});

describe('taobao refund list: anchors and links', () => {
  it('badges anchor in the status cell of each row', () => {
    const doc = loadDocument('taobao', 'refund-list--rendered.html', REFUND_URL);
    const anchors = taobaoAdapter.rows(doc, 'taobao.refund-list');
    expect(anchors.map((a) => a.nativeId)).toEqual([
      '204812345670001001',
      '204812345670001002',
      '204812345670001003',
      '204812345670001004',
    ]);
    for (const a of anchors) {
      expect(a.slot.tagName).toBe('TD');
      expect(a.slot.textContent).toMatch(/退款|换货|卖家/);
      expect(a.row.contains(a.slot)).toBe(true);
    }
    expect(anchors[0]?.orderId).toBe('4061234567890123456');
  });

  it('anchors survive the drifted layout (labels renamed, columns reordered)', () => {
    const doc = loadDocument('taobao', 'refund-list--drift.html', REFUND_URL);
    const anchors = taobaoAdapter.rows(doc, 'taobao.refund-list');
    expect(anchors).toHaveLength(5);
    expect(anchors[3]).toMatchObject({ nativeId: undefined, orderId: '4061234567890623456' });
    expect(anchors[0]?.slot.textContent).toContain('买家已申请退款');
  });

  it('the row link is used only when it is https on a Taobao/Tmall host', () => {
    const ok = readOne(
      row({ ops: '<a href="https://refund2.taobao.com/dispute/detail.htm?disputeId=204812345670001001">查看详情</a>' }),
    );
    expect(ok.ticket.url).toBe('https://refund2.taobao.com/dispute/detail.htm?disputeId=204812345670001001');
    const bad = readOne(row({ ops: '<a href="https://evil.example/?id=204812345670001001">查看详情</a>' }));
    expect(bad.ticket.url).toBe(REFUND_URL);
    const js = readOne(row({ ops: '<a href="javascript:alert(1)">查看详情</a>' }));
    expect(js.ticket.url).toBe(REFUND_URL);
  });

  it('on Qianniu web the list link stays on qn.taobao.com', () => {
    const url = 'https://qn.taobao.com/home.htm/trade-platform/refund-list';
    const r = read(fusionTable(HEAD, [row()]), url);
    expect(r.tickets[0]?.url).toBe(url);
  });
});

describe('taobao: issue details never carry buyer data', () => {
  for (const f of listFixtures('taobao').filter((x) => x.endsWith('.html') && !x.includes('--base'))) {
    it(f, () => {
      const doc = loadDocument('taobao', f, REFUND_URL);
      for (const page of ['taobao.refund-list', 'taobao.task-tickets', 'taobao.task-ticket-detail'] as const) {
        const r = taobaoAdapter.readRows!(doc, page, ctxAt());
        const buyers = [
          'tb_晴天小雨',
          'j***n',
          '小鹿***',
          'tb_7788abc',
          'm***8',
          'tb_豆豆',
          '小***子',
          'a***3',
          '豆***妈',
          'l***9',
        ];
        for (const i of r.issues) for (const b of buyers) expect(i.detail).not.toContain(b);
      }
    });
  }
});

describe('taobao refund list: Fusion locked columns', () => {
  it('row copies in lock tables are skipped, the main row is read once', () => {
    const main = fusionTable(HEAD, [row()]);
    const lock = `<div class="next-table-lock-right"><table><tbody><tr class="next-table-row"><td><div>订单编号：4061234567890123456</div></td></tr></tbody></table></div>`;
    const r = read(`<div class="next-table next-table-lock">${main}${lock}</div>`);
    expect(r.tickets.map((t) => t.nativeId)).toEqual(['204812345670001001']);
    expect(r.issues).toEqual([]);
    expect(
      taobaoAdapter.rows(docOf(`<div class="next-table next-table-lock">${main}${lock}</div>`), 'taobao.refund-list'),
    ).toHaveLength(1);
  });

  it('a repeated row gives one ticket', () => {
    expect(read(fusionTable(HEAD, [row(), row()])).tickets).toHaveLength(1);
  });
});
