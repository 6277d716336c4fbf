// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { NotificationSettings } from './NotificationSettings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MIN = 60_000;
let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

/** Mounts the section as the options page would: settings in state, onChange saving them. */
function mount(initial: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  let current = initial;
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  const render = () =>
    act(() =>
      root?.render(
        <NotificationSettings
          settings={current}
          onChange={(next) => {
            saved.push(next);
            current = next;
            render();
          }}
        />,
      ),
    );
  render();
  const el = host;
  const q = <T extends Element = HTMLInputElement>(sel: string) => el.querySelector<T>(sel) as T;
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const click = (target: Element) => act(() => void (target as HTMLElement).click());
  const replace = (next: Settings) => {
    current = next;
    render();
  };
  return { el, q, type, click, saved, replace, last: () => saved.at(-1) };
}

describe('NotificationSettings', () => {
  it('shows the current settings in minutes', () => {
    const p = mount();
    expect(p.q('[data-field="thresholds"]').value).toBe('120, 30, 10, 0');
    expect(p.q('[data-field="overdue-repeat"]').value).toBe('60');
    expect(p.q('[data-field="breaks-quiet"]').checked).toBe(true);
    expect(p.q('[data-field="clock-enabled"]').checked).toBe(false);
    expect(p.q('[data-segment="0"] [data-edge="start"]').value).toBe('09:00');
    expect(p.q('[data-days="every"]').checked).toBe(true);
    expect(p.el.querySelector('[role="alert"]')).toBeNull();
  });

  it('saves valid thresholds as ms, and holds invalid text back with an error', () => {
    const p = mount();
    p.type(p.q('[data-field="thresholds"]'), '60，15 0');
    expect(p.last()?.notifications.thresholdsMs).toEqual([60 * MIN, 15 * MIN, 0]);
    expect(p.last()?.merchantClock).toEqual(DEFAULT_SETTINGS.merchantClock);
    const count = p.saved.length;
    p.type(p.q('[data-field="thresholds"]'), '60, abc');
    expect(p.saved).toHaveLength(count);
    expect(p.q('[data-error="thresholds"]')).not.toBeNull();
    expect(p.q('[data-field="thresholds"]').getAttribute('aria-invalid')).toBe('true');
    expect(p.q('[data-field="thresholds"]').value).toBe('60, abc');
  });

  it('edits the overdue repeat and the breakthrough switch', () => {
    const p = mount();
    p.type(p.q('[data-field="overdue-repeat"]'), '30');
    expect(p.last()?.notifications.overdueRepeatMs).toBe(30 * MIN);
    p.type(p.q('[data-field="overdue-repeat"]'), '5000');
    expect(p.q('[data-error="overdue-repeat"]')).not.toBeNull();
    expect(p.last()?.notifications.overdueRepeatMs).toBe(30 * MIN);
    p.click(p.q('[data-field="breaks-quiet"]'));
    expect(p.last()?.notifications.overdueBreaksQuiet).toBe(false);
  });

  it('edits staffed hours: enable, an overnight segment marked 次日, working days, add and remove', () => {
    const p = mount();
    p.click(p.q('[data-field="clock-enabled"]'));
    expect(p.last()?.merchantClock.enabled).toBe(true);
    p.type(p.q('[data-segment="0"] [data-edge="start"]'), '22:00');
    p.type(p.q('[data-segment="0"] [data-edge="end"]'), '02:00');
    expect(p.last()?.merchantClock.segments).toEqual([{ start: '22:00', end: '02:00' }]);
    expect(p.q('[data-segment="0"] [data-overnight]')?.textContent).toContain('notifSegmentOvernight');

    p.click(p.q<HTMLButtonElement>('[data-action="add-segment"]'));
    expect(p.last()?.merchantClock.segments).toHaveLength(2);
    p.type(p.q('[data-segment="1"] [data-edge="end"]'), '13:00');
    expect(p.q('[data-error="segment"]')).not.toBeNull();
    expect(p.last()?.merchantClock.segments).toEqual([
      { start: '22:00', end: '02:00' },
      { start: '13:00', end: '18:00' },
    ]);
    p.click(p.q<HTMLButtonElement>('[data-segment="1"] [data-action="remove-segment"]'));
    expect(p.last()?.merchantClock.segments).toEqual([{ start: '22:00', end: '02:00' }]);
    expect(p.q<HTMLButtonElement>('[data-segment="0"] [data-action="remove-segment"]').disabled).toBe(true);

    p.click(p.q('[data-days="workdays"]'));
    expect(p.last()?.merchantClock.days).toBe('workdays');
  });

  it('follows settings changed elsewhere', () => {
    const p = mount();
    p.replace({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, thresholdsMs: [45 * MIN] } });
    expect(p.q('[data-field="thresholds"]').value).toBe('45');
  });

  it('disables the alert fields when alerts are off', () => {
    const p = mount();
    p.click(p.q('[data-field="enabled"]'));
    expect(p.last()?.notifications.enabled).toBe(false);
    expect(p.q<HTMLFieldSetElement>('fieldset.opt-notif__alerts').disabled).toBe(true);
  });
});
