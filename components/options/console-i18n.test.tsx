// @vitest-environment happy-dom
/**
 * The options tabs in the merchant's words: diagnostics explained, shops named (never a stand-in id); rule
 * names in English are in RuleCard.test.tsx. Rendered with React on happy-dom over fake-indexeddb, with the real messages.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/schema';
import { setTestMessages } from '../../lib/i18n';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { HealthLog } from './DiagnosticsTab';
import { ShopsTab } from './ShopsTab';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
beforeEach(() => setTestMessages(zhCN));
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
  setTestMessages(zhCN);
});

function mount(node: React.ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

/** Waits for live queries (Dexie on fake-indexeddb) to answer and React to commit. */
async function until(el: HTMLElement, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(ok(), el.textContent ?? '').toBe(true);
}

describe('diagnostics and shops', () => {
  beforeEach(async () => {
    await Promise.all([db().health.clear(), db().shops.clear(), db().tickets.clear()]);
  });

  it('explain a health entry in the merchant’s words, the technical detail folded', async () => {
    await db().health.put({
      id: 'pdd|pdd.work-order-list|deadline-invalid',
      adapter: 'pdd',
      page: 'pdd.work-order-list',
      code: 'deadline-invalid',
      detail: 'todoList[3].deadline: expected number',
      path: '/aftersales/work_order/list',
      count: 2,
      firstAt: 1,
      lastAt: 2,
    });
    const el = mount(<HealthLog />);
    await until(el, () => el.querySelector('[data-health-text]') !== null);
    expect(el.querySelector('[data-health-text]')?.textContent).toContain('无可信时效');
    const fold = el.querySelector('details');
    expect(fold?.querySelector('summary')?.textContent).toContain('技术细节');
    expect(fold?.textContent).toContain('expected number');
  });

  it('name a shop by its page name or its tickets’ shop name, never a stand-in id', async () => {
    const base = { muted: false, firstSeenAt: 1, lastSeenAt: 2 };
    await db().shops.bulkPut([
      { key: 'taobao:name-1uwmft0', platform: 'taobao', shopId: 'name-1uwmft0', ...base },
      { key: 'pdd:445566778', platform: 'pdd', shopId: '445566778', name: '好物旗舰店', ...base },
    ]);
    await db().tickets.put({
      key: 'taobao:name-1uwmft0:refund:1',
      platform: 'taobao',
      shopId: 'name-1uwmft0',
      shopName: '淘气家居',
      nativeId: '1',
      kind: 'refund',
      title: '退款',
      status: 'pending',
      urgent: false,
      tags: [],
      url: 'https://myseller.taobao.com/',
      dueHistory: [],
      firstSeenAt: 1,
      lastSeenAt: 2,
    } as never);
    const el = mount(<ShopsTab />);
    await until(el, () => el.querySelectorAll('[data-shop-name]').length === 2);
    const names = [...el.querySelectorAll('[data-shop-name]')].map((n) => n.textContent);
    expect(names).toEqual(['好物旗舰店', '淘气家居']);
    expect(el.textContent).not.toContain('name-1uwmft0');
    expect(el.textContent).toContain('店铺编号 445566778');
  });
});
