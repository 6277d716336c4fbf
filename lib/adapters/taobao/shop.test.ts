/** Shop identity from the page header [modelled]. */
import { describe, expect, it } from 'vitest';
import { hashString } from '../shared';
import { loadDocument } from '../../../tests/support/fixtures';
import { shopFrom, shopNameFrom } from './shop';
import { docOf } from './testing';

describe('taobao shop identity', () => {
  it('the seller nick in the header; a sub-account belongs to the shop before the colon', () => {
    const doc = loadDocument('taobao', 'refund-list--rendered.html');
    expect(shopFrom(doc)).toEqual({
      shopId: `name-${hashString('暖居家纺旗舰店')}`,
      name: '暖居家纺旗舰店',
      confidence: 'fallback',
    });
    expect(shopFrom(loadDocument('taobao', 'task-tickets--rendered.html')).shopId).toBe(shopFrom(doc).shopId);
  });

  it('a renamed class (shopName with a hash suffix) still works', () => {
    expect(shopNameFrom(loadDocument('taobao', 'refund-list--hash-changed.html'))).toBe('暖居家纺旗舰店');
  });

  it('buyer nicks in the table are never the shop', () => {
    const doc = docOf('<table><tbody><tr><td><span class="buyer-nick">tb_晴天小雨</span></td></tr></tbody></table>');
    expect(shopNameFrom(doc)).toBeUndefined();
    expect(shopFrom(doc)).toEqual({ shopId: 'default', confidence: 'fallback' });
  });

  it('logos and menu words are not shop names', () => {
    const doc = docOf(
      '<div class="seller-header"><span class="seller-logo">千牛卖家中心</span><span class="user-nick">暖居家纺旗舰店</span></div>',
    );
    expect(shopNameFrom(doc)).toBe('暖居家纺旗舰店');
    expect(shopNameFrom(docOf('<div class="seller-center-logo">卖家中心</div>'))).toBeUndefined();
  });

  it('the login page has no shop', () => {
    expect(shopNameFrom(loadDocument('taobao', 'refund-list--logged-out.html'))).toBeUndefined();
  });
});
