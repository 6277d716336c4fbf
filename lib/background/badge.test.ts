import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings';
import { due, H, informationalTicket, MIN, NOW, shop, tk, withInformationalRule } from '../alarms/testing';
import { BADGE_AMBER, BADGE_RED, badgeFor } from './badge';

// lib/i18n returns `key(subs)` outside an extension.
describe('badgeFor', () => {
  it('is empty when nothing is overdue or due soon', () => {
    expect(badgeFor([due('a', NOW + 5 * H), tk('none')], DEFAULT_SETTINGS, NOW)).toMatchObject({
      text: '',
      color: BADGE_AMBER,
      title: 'toolbarTitleClear(2)',
      overdue: 0,
      soon: 0,
    });
  });

  it('shows the due-soon count in amber and names the most urgent ticket', () => {
    const b = badgeFor(
      [due('a', NOW + 90 * MIN), due('b', NOW + 20 * MIN), due('c', NOW + 5 * H)],
      DEFAULT_SETTINGS,
      NOW,
      new Map([['pdd:s', shop('s')]]),
    );
    expect(b).toMatchObject({ text: '2', color: BADGE_AMBER, overdue: 0, soon: 2 });
    expect(b.title).toBe(
      'toolbarTitleBusy(0,2,3)\ntoolbarTitleNext(alertItemTitle(拼多多,店铺s,kind_refund),alertLeft(spanMinutes(20)))',
    );
  });

  it('shows the overdue count in red when anything is overdue', () => {
    const b = badgeFor([due('a', NOW - H), due('b', NOW + 20 * MIN), due('c', NOW - 2 * H)], DEFAULT_SETTINGS, NOW);
    expect(b).toMatchObject({ text: '2', color: BADGE_RED, overdue: 2, soon: 1 });
    expect(b.title).toContain('alertOverdueBy(spanHours(2,0))');
  });

  it('ignores unseen and informational tickets and caps the text at 999', () => {
    const review = informationalTicket('r', NOW - 25 * H);
    expect(
      badgeFor([due('u', NOW - H, { unseenSince: NOW }), review], withInformationalRule(DEFAULT_SETTINGS), NOW).text,
    ).toBe('');
    const many = Array.from({ length: 1200 }, (_, i) => due(`x${i}`, NOW - H));
    expect(badgeFor(many, DEFAULT_SETTINGS, NOW).text).toBe('999');
  });
});
