/** Page detectors: the refund list by URL, task tickets and their detail by content (and only on Taobao hosts). */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../tests/support/fixtures';
import { detectPage } from '../registry';
import { taobaoAdapter } from './index';
import { pages } from './pages';

const TASK_URL = 'https://myseller.taobao.com/home.htm/unknown-task-route';
const kindOf = (url: string, fixture?: string) =>
  detectPage(new URL(url), fixture ? loadDocument('taobao', fixture, url) : undefined)?.page.kind;

describe('taobao pages: by URL', () => {
  const refundList = pages.find((p) => p.kind === 'taobao.refund-list')!;
  for (const url of refundList.examples) {
    it(`refund list: ${url}`, () => expect(kindOf(url)).toBe('taobao.refund-list'));
  }
  it('refund list wins over content detectors when a document is given', () => {
    expect(kindOf(refundList.examples[0], 'refund-list--rendered.html')).toBe('taobao.refund-list');
  });
  it.each([
    'https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    'https://www.taobao.com/home.htm/trade-platform/refund-list',
    'http://evil.example/home.htm/trade-platform/refund-list',
  ])('not the refund list: %s', (url) => expect(kindOf(url)).toBeUndefined());

  it('manifest matches cover both hosts', () => {
    expect(taobaoAdapter.matches).toEqual(['https://myseller.taobao.com/*', 'https://qn.taobao.com/*']);
  });
});

describe('taobao pages: task tickets by content [modelled]', () => {
  it.each(['task-tickets--rendered.html', 'task-tickets--drift.html'])('recognises %s', (f) => {
    expect(kindOf(TASK_URL, f)).toBe('taobao.task-tickets');
    expect(kindOf('https://qn.taobao.com/home.htm/', f)).toBe('taobao.task-tickets');
  });

  it.each([
    // a row tagged 买家已催发货, but no 工单/任务 column
    'sold-orders--rendered.html',
    // a 任务 column, but no 催揽收/催发货 row
    'task-center--rendered.html',
    'refund-list--rendered.html',
    'refund-list--empty.html',
    'refund-list--logged-out.html',
  ])('does not fire on %s (same host)', (f) => {
    expect(kindOf(TASK_URL, f)).toBeUndefined();
  });

  it('needs the document: without it no content page matches', () => {
    expect(kindOf(TASK_URL)).toBeUndefined();
  });

  it('fires only on Taobao hosts', () => {
    expect(kindOf('https://mms.pinduoduo.com/some/page', 'task-tickets--rendered.html')).toBeUndefined();
    expect(kindOf('https://example.com/home.htm/', 'task-tickets--rendered.html')).toBeUndefined();
  });

  it('the SPA shell before the rows render is not a task page yet', () => {
    expect(kindOf(TASK_URL, 'task-tickets--base.html')).toBeUndefined();
  });
});

describe('taobao pages: task ticket detail by content [modelled]', () => {
  it('recognises the detail with its reply box', () => {
    expect(
      kindOf('https://myseller.taobao.com/home.htm/unknown-task-detail-route', 'task-ticket-detail--rendered.html'),
    ).toBe('taobao.task-ticket-detail');
  });
  it.each(['task-tickets--rendered.html', 'sold-orders--rendered.html', 'refund-list--logged-out.html'])(
    'not on %s',
    (f) => {
      expect(kindOf(TASK_URL, f)).not.toBe('taobao.task-ticket-detail');
    },
  );
});
