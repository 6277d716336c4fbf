/**
 * Issue 9: the surface a ticket was read from decides its rule, whatever the page's words say.
 * Property tests per surface, through the real readers (React row record and DOM text for 服务工单) and the
 * background merge, and the golden 服务工单 fixtures of every ordinary business kind (sla-rules.md).
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { douyinAdapter } from '../../lib/adapters/douyin';
import type { ReadContext } from '../../lib/adapters/types';
import { SURFACES, type SurfaceId } from '../../lib/model/surface';
import { TICKET_KINDS, type RawTicket } from '../../lib/model/ticket';
import { AGREED_TAGS, DEFAULT_RULES, PROVIDER_TAG } from '../../lib/sla';
import { bj } from '../../lib/sla/testing';
import { mergeTicket } from '../../lib/tickets/merge';
import { FIXTURE_NOW, loadDocument, readFixture } from '../support/fixtures';
import { douyinWindowDue } from '../support/douyin-clock';

const H = 3600_000;
const DAY = 24 * H;
const BJ = 8 * H;
const SERVICE_URL = 'https://fxg.jinritemai.com/ffa/task-order/service';

const merged = (raw: RawTicket, now = FIXTURE_NOW) =>
  mergeTicket(undefined, raw, { rules: DEFAULT_RULES, now, pageKind: raw.surface, complete: false });

/** The business kinds sla-rules.md lists as ordinary, and the urgent ones. */
const ORDINARY = [
  '内容宣传',
  '价钱相关',
  '订单操作',
  '商品相关',
  '发货及物流问题',
  '售后服务',
  '换货',
  '商家服务问题',
  '快递问题',
];
const URGENT_WORDS = ['风险商品', '高危投诉'];
/** Words that select another rule of the 服务工单 list on purpose (urgent, agreed, provider). */
const SPECIAL = [...URGENT_WORDS, '紧急', '加急', ...AGREED_TAGS, PROVIDER_TAG, '服务商'];
const plain = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((s) => s.trim().length > 0 && !SPECIAL.some((w) => s.includes(w)) && !/[:：]/.test(s));
const word = fc.oneof(fc.constantFrom(...ORDINARY, '服务请求', '催发货', '物流停滞', '商品咨询'), plain);
/** Creation between 2026-11-20 and FIXTURE_NOW, to the minute (both readers read minutes). */
const created = fc.integer({ min: 0, max: 5 * 24 * 60 }).map((m) => bj('2026-11-20 00:00') + m * 60_000);

const fmt = (ms: number) => new Date(ms + BJ).toISOString().slice(0, 16).replace('T', ' ');

interface Drawn {
  businessType: string | undefined;
  typeText: string | undefined;
  tags: string[];
  createdAt: number;
  urgentWord?: string | undefined;
}

/** A 服务工单 read by the React record reader. */
function viaRecord(d: Drawn, i: number): RawTicket {
  const record = {
    ...(d.businessType !== undefined ? { taskOrderBusinessTypeDesc: d.businessType } : {}),
    createTimeDesc: fmt(d.createdAt),
    orderService: {
      service_id: `74400000000${1000 + i}`,
      order_id: '6940000000000000001',
      ...(d.typeText !== undefined ? { service_type_desc: d.typeText } : {}),
      service_status: 1,
      delay_end_time: 0,
      delay_time_left: null,
    },
    tagList: d.tags.map((tagName) => ({ tagName })),
  };
  const ctx: ReadContext = { now: FIXTURE_NOW, pageUrl: new URL(SERVICE_URL) };
  const r = douyinAdapter.readRecord!(record, 'douyin.service-tickets', ctx);
  expect(r.tickets).toHaveLength(1);
  return r.tickets[0]!;
}

/** The same ticket as a DOM row (cells per marketplaces.md), text set as text, never as HTML. */
function viaDom(d: Drawn, i: number): RawTicket {
  const win = new Window({ url: SERVICE_URL });
  const doc = win.document as unknown as Document;
  const table = doc.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of ['订单信息', '买家昵称', '工单来源', '业务类型/工单类型', '处理进度']) {
    head.appendChild(doc.createElement('th')).textContent = label;
  }
  const tr = table.createTBody().insertRow();
  tr.className = 'auxo-table-row';
  const cell = (lines: readonly string[]) => {
    const td = tr.insertCell();
    for (const l of lines) td.appendChild(doc.createElement('div')).textContent = l;
  };
  // DOM rows show only the tag words the page marks (进线 / 催 / 紧急 / 重复 / 加急).
  const tagLine = d.tags.filter((t) => /^(?:进线|催|紧急|重复|加急)$/.test(t)).join(' ');
  cell(['订单号：6940000000000000001', ...(tagLine ? [tagLine] : [])]);
  cell(['买***']);
  cell(['来源：平台', `工单ID: 74400000000${1000 + i}`, `创建时间：${fmt(d.createdAt)}`]);
  cell([d.businessType, d.typeText].filter((x): x is string => x !== undefined));
  cell(['待处理']);
  doc.body.appendChild(table);
  const ctx: ReadContext = { now: FIXTURE_NOW, pageUrl: new URL(SERVICE_URL) };
  const r = douyinAdapter.readRows!(doc, 'douyin.service-tickets', ctx);
  expect(r.tickets).toHaveLength(1);
  return r.tickets[0]!;
}

const drawn = fc.record({
  businessType: fc.option(word, { nil: undefined }),
  typeText: fc.option(word, { nil: undefined }),
  tags: fc.array(fc.oneof(fc.constantFrom('进线', '催', '重复'), plain), { maxLength: 3 }),
  createdAt: created,
});

describe('服务工单 (douyin.service-tickets): the list decides the rule, words only refine it', () => {
  for (const [name, read] of [
    ['record', viaRecord],
    ['DOM text', viaDom],
  ] as const) {
    it(`${name}: any business type, ticket type or tags without a platform deadline → 24 h on 09:00–21:00`, () => {
      fc.assert(
        fc.property(drawn, fc.nat(999), (d, i) => {
          const raw = read(d, i);
          expect(raw.surface).toBe('douyin.service-tickets');
          const t = merged(raw);
          expect(t.dueSource).toBe('rule:douyin-service-normal');
          expect(t.dueAt).toBe(douyinWindowDue(d.createdAt, 24 * H));
        }),
        { numRuns: 120 },
      );
    });

    it(`${name}: an urgent word (紧急 tag, 风险商品 / 高危投诉 business type) → 2 h on 09:00–21:00`, () => {
      const urgent = fc.oneof(
        drawn.map((d) => ({ ...d, tags: [...d.tags, '紧急'] })),
        fc.tuple(drawn, fc.constantFrom(...URGENT_WORDS)).map(([d, w]) => ({
          ...d,
          businessType: w,
          typeText: d.typeText ?? '商品质量',
        })),
      );
      fc.assert(
        fc.property(urgent, fc.nat(999), (d, i) => {
          const t = merged(read(d, i));
          expect(t.dueSource).toBe('rule:douyin-service-urgent');
          expect(t.dueAt).toBe(douyinWindowDue(d.createdAt, 2 * H));
        }),
        { numRuns: 80 },
      );
    });
  }

  it('no creation time: no rule deadline (never counted from when it was first seen)', () => {
    const t = merged({
      ...viaRecord({ businessType: '商品相关', typeText: '商品咨询', tags: [], createdAt: FIXTURE_NOW }, 1),
      createdAt: undefined,
    });
    expect(t.dueAt).toBeUndefined();
  });
});

/** Any RawTicket of a surface, with a random kind, title, tags and urgency, without a platform deadline. */
const rawOn = (surface: SurfaceId) =>
  fc
    .record({
      kind: fc.constantFrom(...TICKET_KINDS),
      title: fc.oneof(fc.constantFrom(...ORDINARY, '催揽收', '退款', '紧急工单'), plain),
      tags: fc.array(fc.oneof(fc.constantFrom(...ORDINARY, ...URGENT_WORDS, '紧急', '服务请求', '订单审核中'), plain), {
        maxLength: 4,
      }),
      urgent: fc.boolean(),
      createdAt: created,
      shipped: fc.option(created, { nil: undefined }),
      id: fc.stringMatching(/^[0-9]{4,12}$/),
    })
    .map((r): RawTicket => ({
      platform: SURFACES.find((s) => s.id === surface)!.platform,
      surface,
      shopId: 's1',
      nativeId: r.id,
      kind: r.kind,
      title: r.title,
      status: 'pending',
      urgent: r.urgent,
      tags: r.tags,
      createdAt: r.createdAt,
      ...(r.shipped !== undefined ? { shippedAt: r.shipped } : {}),
      url: 'https://example.com/t',
    }));

describe('every surface', () => {
  it('lists where only the platform sets deadlines: a read without it has none, never a rule or the default', () => {
    for (const s of SURFACES.filter((x) => x.deadlines === 'platform')) {
      fc.assert(
        fc.property(rawOn(s.id), (raw) => {
          const t = merged(raw);
          expect(t.dueAt).toBeUndefined();
          expect(t.dueSource).toBeUndefined();
        }),
        { numRuns: 60 },
      );
    }
  });

  it('淘宝任务工单: 催揽收 24 h from creation, 催发货 24 h from shipping, anything else the default', () => {
    fc.assert(
      fc.property(rawOn('taobao.task-tickets'), (raw) => {
        const t = merged(raw);
        if (raw.kind === 'urge-pickup')
          expect(t).toMatchObject({ dueSource: 'rule:taobao-urge-pickup', dueAt: raw.createdAt! + 24 * H });
        else if (raw.kind === 'urge-ship' && raw.shippedAt !== undefined)
          expect(t).toMatchObject({ dueSource: 'rule:taobao-pickup-after-urge-ship', dueAt: raw.shippedAt + 24 * H });
        else expect(t).toMatchObject({ dueSource: 'rule:default', dueAt: raw.createdAt! + 24 * H });
      }),
      { numRuns: 120 },
    );
  });

  it('a platform deadline always wins, on every surface, whatever the words', () => {
    const any = fc.constantFrom(...SURFACES.map((s) => s.id)).chain(rawOn);
    fc.assert(
      fc.property(any, fc.integer({ min: -3 * DAY, max: 10 * DAY }), (raw, offset) => {
        const at = FIXTURE_NOW + offset;
        const t = merged({ ...raw, deadline: { type: 'at', at } });
        expect(t).toMatchObject({ dueAt: at, dueSource: 'platform', platformDueAt: at });
      }),
      { numRuns: 150 },
    );
  });
});

describe('golden 服务工单 of every ordinary business kind (service--ordinary-kinds)', () => {
  const fromRecords = (JSON.parse(readFixture('douyin', 'service--ordinary-kinds.json')) as unknown[]).flatMap(
    (r) =>
      douyinAdapter.readRecord!(r, 'douyin.service-tickets', { now: FIXTURE_NOW, pageUrl: new URL(SERVICE_URL) })
        .tickets,
  );
  const fromRows = douyinAdapter.readRows!(
    loadDocument('douyin', 'service--ordinary-kinds.html', SERVICE_URL),
    'douyin.service-tickets',
    { now: FIXTURE_NOW, pageUrl: new URL(SERVICE_URL) },
  ).tickets;

  for (const [name, tickets] of [
    ['records', fromRecords],
    ['DOM rows (two lines, one line, no type line)', fromRows],
  ] as const) {
    it(`${name}: each gets its 09:00–21:00 deadline from creation; urgent words 2 h`, () => {
      expect(tickets).toHaveLength(13);
      for (const raw of tickets) {
        const t = merged(raw);
        const urgent = raw.urgent || raw.tags.some((x) => URGENT_WORDS.includes(x));
        expect(t.dueSource, raw.nativeId).toBe(urgent ? 'rule:douyin-service-urgent' : 'rule:douyin-service-normal');
        expect(t.dueAt, raw.nativeId).toBe(douyinWindowDue(raw.createdAt!, urgent ? 2 * H : 24 * H));
      }
    });
  }

  it('the issue example: 商品相关 created 07:46 is due 21:00 the next day, not 07:46', () => {
    const t = merged(fromRows.find((r) => r.nativeId.endsWith('00001'))!);
    expect(t.createdAt).toBe(bj('2026-11-25 07:46'));
    expect(t.dueAt).toBe(bj('2026-11-26 21:00'));
  });
});

describe('surfaces and pages', () => {
  it('every page that yields tickets names a surface of its own platform; each surface is some list page', async () => {
    const { adapters } = await import('../../lib/adapters/registry');
    for (const a of adapters) {
      for (const p of a.pages) {
        if (p.sources.length === 0) continue;
        expect(p.surface, p.kind).toBeDefined();
        expect(SURFACES.find((s) => s.id === p.surface)?.platform, p.kind).toBe(a.id);
      }
    }
    const kinds = adapters.flatMap((a) => a.pages.map((p) => p.kind as string));
    for (const s of SURFACES) expect(kinds).toContain(s.id);
    // Families are unique per platform, so keys of two lists never collide.
    const fam = SURFACES.map((s) => `${s.platform}:${s.family}`);
    expect(new Set(fam).size).toBe(fam.length);
  });
});
