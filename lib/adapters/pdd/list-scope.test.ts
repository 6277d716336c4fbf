import { describe, expect, it } from 'vitest';
import { afterSaleListScope, completeness, todoListScope } from './list-scope';

const NOW = Date.UTC(2026, 10, 25, 2);
const DAY = 86400_000;

describe('todoListScope: only an unfiltered request makes a complete list', () => {
  it('every open status, no type filter, a range up to now: complete since the range start', () => {
    const start = (NOW - 30 * DAY) / 1000;
    expect(
      todoListScope(
        {
          serviceStatus: [0, 1, 4],
          problemType: [null],
          createStartTime: start,
          createEndTime: NOW / 1000 + 3600,
          pageNum: 1,
          pageSize: 20,
        },
        NOW,
      ),
    ).toEqual({ complete: true, since: NOW - 30 * DAY });
    expect(todoListScope({ pageNum: 1, pageSize: 20 }, NOW)).toEqual({ complete: true });
  });
  it('a status tab, a type filter, a past range, unknown keys or no body: not complete', () => {
    expect(todoListScope({ serviceStatus: [0], problemType: [null] }, NOW).complete).toBe(false); // 待处理 tab: 处理中 tickets are still open
    expect(todoListScope({ serviceStatus: [3] }, NOW).complete).toBe(false); // 已完结 tab
    expect(todoListScope({ serviceStatus: [0, 1, 4], problemType: [12] }, NOW).complete).toBe(false);
    expect(todoListScope({ serviceStatus: [0, 1, 4], createEndTime: (NOW - 2 * DAY) / 1000 }, NOW).complete).toBe(
      false,
    );
    expect(todoListScope({ serviceStatus: [0, 1, 4], keyword: '241125' }, NOW).complete).toBe(false);
    expect(todoListScope(undefined, NOW).complete).toBe(false);
    expect(todoListScope('serviceStatus=0', NOW).complete).toBe(false);
  });
});

describe('afterSaleListScope', () => {
  it('paging only is complete; any filter is a tab', () => {
    expect(afterSaleListScope({ pageNumber: 1, pageSize: 10 })).toEqual({ complete: true });
    expect(afterSaleListScope({ pageNumber: 1, pageSize: 10, afterSalesStatus: 2 }).complete).toBe(false);
    expect(afterSaleListScope(undefined).complete).toBe(false);
  });
});

describe('completeness', () => {
  it('needs every item back and an unfiltered request', () => {
    expect(completeness(true, { complete: true, since: 5 })).toEqual({ complete: true, completeSince: 5 });
    expect(completeness(false, { complete: true })).toEqual({ complete: false });
    expect(completeness(true, { complete: false })).toEqual({ complete: false });
  });
});
