import { describe, expect, it } from 'vitest';
import { adapters } from '../adapters/registry';
import { LIST_SURFACES, listSurface, signedOutKind } from './surfaces';

describe('list surfaces', () => {
  it('every surface is a page kind of its adapter, and its open URL is that page', () => {
    for (const s of LIST_SURFACES) {
      const adapter = adapters.find((a) => a.id === s.platform)!;
      const page = adapter.pages.find((p) => p.kind === s.surface);
      expect(page, s.surface).toBeDefined();
      if (!page!.byContent) expect(page!.match(new URL(s.openUrl)), s.openUrl).toBe(true);
    }
  });

  it('detail and chat pages are not list surfaces', () => {
    expect(listSurface('pdd.work-order-detail')).toBeUndefined();
    expect(listSurface('pdd.chat')).toBeUndefined();
    expect(listSurface('pdd.work-order-list')?.openUrl).toBe('https://mms.pinduoduo.com/aftersales/work_order/list');
  });

  it('[modelled] login and verification pages', () => {
    expect(signedOutKind('https://login.taobao.com/member/login.jhtml')).toBe('logged-out');
    expect(signedOutKind('https://mms.pinduoduo.com/login/?redirectUrl=x')).toBe('logged-out');
    expect(signedOutKind('https://fxg.jinritemai.com/login/common')).toBe('logged-out');
    expect(signedOutKind('https://myseller.taobao.com/_____tmd_____/punish?x=1')).toBe('verification');
    expect(signedOutKind('https://mms.pinduoduo.com/aftersales/work_order/list')).toBeUndefined();
    expect(signedOutKind('not a url')).toBeUndefined();
  });
});
