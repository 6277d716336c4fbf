import { describe, expect, it } from 'vitest';
import { adapters, detectPage } from '../registry';
import { endpointPaths } from './endpoints';
import { pages } from './pages';

describe('Douyin pages', () => {
  for (const page of pages) {
    it(`${page.kind}: every example is this page and no other`, () => {
      for (const ex of page.examples) {
        const url = new URL(ex);
        const hits = adapters.flatMap((a) => a.pages.filter((p) => !p.byContent && p.match(url)).map((p) => p.kind));
        expect(hits, ex).toEqual([page.kind]);
      }
    });
  }

  it('recognises the list frame inside the workbench shell as the 售后 list too', () => {
    const frame = new URL(
      '/ffa/maftersale/aftersale/list?from=workbench&in_iframe=1',
      'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list',
    );
    expect(detectPage(frame)?.page.kind).toBe('douyin.aftersale-list');
  });

  it('tabs are query variants of one 服务工单 page', () => {
    for (const tab of ['全部', '待处理', '处理中', '已完结', '已逾期']) {
      const url = new URL(`https://fxg.jinritemai.com/ffa/task-order/service?tab=${encodeURIComponent(tab)}&page=2`);
      expect(detectPage(url)?.page.kind).toBe('douyin.service-tickets');
    }
  });

  it.each([
    'http://fxg.jinritemai.com/ffa/task-order/service',
    'https://buyin.jinritemai.com/ffa/task-order/service',
    'https://fxg.jinritemai.com.evil.example/ffa/task-order/service',
    'https://fxg.jinritemai.com/ffa/task-order/service/detail',
    'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail?id=7441250812345678901',
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
    'https://fxg.jinritemai.com/after_sale/pc/list',
  ])('is not a ticket page: %s', (href) => {
    expect(pages.some((p) => p.match(new URL(href)))).toBe(false);
  });
});

describe('Douyin endpoints', () => {
  it('match the path whatever the signed query', () => {
    const url = new URL('https://fxg.jinritemai.com/after_sale/pc/list?msToken=abc&a_bogus=def&verifyFp=verify_x');
    expect(endpointPaths.afterSaleList.test(url.pathname)).toBe(true);
    expect(endpointPaths.afterSaleList.test('/after_sale/pc/list_count')).toBe(false);
    expect(endpointPaths.afterSaleList.test('/api/after_sale/pc/list')).toBe(false);
  });
});
