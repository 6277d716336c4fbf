/**
 * Marketplace main lists with N rows, generated from the saved fixtures (tests/fixtures): the fixture's own
 * items repeated with fresh ids, so the pages and the extension's readers see exactly the shapes the tests
 * pin down, only more of them. Times are shifted from FIXTURE_NOW to `now` as the e2e harness does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_NOW } from '../../tests/support/fixtures';
import { shiftTimes } from '../../tests/support/shift-times';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const read = (platform: string, name: string) => readFileSync(join(FIXTURES, platform, name), 'utf8');
const pad = (i: number, n: number) => String(i).padStart(n, '0');

type Json = Record<string, unknown>;

/** PDD `todoList` response with `n` work orders (the 工单 list's data call); ids count from `offset`. */
export function pddTodoList(n: number, now: number, opts: { mallId?: number; offset?: number } = {}): Json {
  const base = JSON.parse(read('pdd', 'work-order-list--base.json')) as { result: { dataList: Json[] } };
  const items = Array.from({ length: n }, (_, i) => {
    const it = { ...base.result.dataList[i % base.result.dataList.length]! };
    const id = (opts.offset ?? 0) + i;
    it.instanceId = 91_000_000 + id;
    it.orderSn = `241125-${pad(id, 15)}`;
    if (opts.mallId !== undefined) it.mallId = opts.mallId;
    return it;
  });
  const json = { ...base, result: { ...base.result, dataList: items, total: n } };
  return shiftTimes(json, now - FIXTURE_NOW);
}

/** Douyin `/after_sale/pc/list` response with `n` after-sales (the 售后 list's data call). */
export function douyinAfterSaleList(n: number, now: number, opts: { shopId?: number; offset?: number } = {}): Json {
  const base = JSON.parse(read('douyin', 'aftersale-list--base.json')) as { data: { items: Json[] } & Json };
  const items = Array.from({ length: n }, (_, i) => {
    const src = base.data.items[i % base.data.items.length]!;
    const info = { ...(src.after_sale_info as Json) };
    const id = (opts.offset ?? 0) + i;
    info.after_sale_id = `74412${pad(id, 14)}`;
    info.related_id = `69412${pad(id, 14)}`;
    const order = { ...(src.order_info as Json) };
    if (opts.shopId !== undefined) order.shop_id = opts.shopId;
    return { ...src, after_sale_info: info, order_info: order };
  });
  const json = { ...base, data: { ...base.data, items, total: n } };
  return shiftTimes(json, now - FIXTURE_NOW);
}

/**
 * The Taobao 退款 list stand-in with `n` rows. Its rows are an inline `ROWS` array (with `{{T…}}` time
 * placeholders the caller fills); the page script is wrapped so it renders the array repeated to `n` rows
 * with fresh refund and order numbers.
 */
export function taobaoRefundListHtml(n: number): string {
  const html = read('taobao', 'refund-list--base.html');
  const marker = 'var ROWS = [';
  const at = html.indexOf(marker);
  const end = html.indexOf('];', at);
  if (at < 0 || end < 0) throw new Error('taobao refund-list--base.html: ROWS array not found (fixture changed?)');
  const expand =
    `var ROWS = (function (base) { var out = []; for (var i = 0; i < ${n}; i++) {` +
    ` var r = Object.assign({}, base[i % base.length]);` +
    ` r.id = '2048' + String(i).padStart(14, '0'); r.order = '4061' + String(i).padStart(15, '0');` +
    ` out.push(r); } return out; })([`;
  return html.slice(0, at) + expand + html.slice(at + marker.length, end) + ']);' + html.slice(end + 2);
}
