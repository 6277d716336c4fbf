// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { FreshnessSettingsPanel, parseWholeMinutes } from './FreshnessSettings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(initial: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  let current = initial;
  const el = (host = document.createElement('div'));
  document.body.appendChild(el);
  root = createRoot(el);
  const render = () =>
    act(() =>
      root?.render(
        <FreshnessSettingsPanel
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
  const q = (sel: string) => el.querySelector<HTMLInputElement>(sel)!;
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const click = (target: Element) => act(() => void (target as HTMLElement).click());
  return { el, q, type, click, saved, last: () => saved.at(-1) };
}

describe('FreshnessSettingsPanel', () => {
  it('shows the defaults: on for every platform, 5 min, background tabs off', () => {
    const p = mount();
    expect(p.q('[data-field="keepFresh"] [data-platform="pdd"]').checked).toBe(true);
    expect(p.q('[data-field="backgroundTab"] [data-platform="douyin"]').checked).toBe(false);
    expect(p.q('[data-field="interval"]').value).toBe('5');
    expect(p.q('[data-field="stale-kept"]').value).toBe('30');
    expect(p.q('[data-field="stale-other"]').value).toBe('120');
    expect(p.q('[data-surface="douyin.service-tickets"]').checked).toBe(true);
  });

  it('saves a valid interval, holds 1 or 61 back with an error', () => {
    const p = mount();
    p.type(p.q('[data-field="interval"]'), '10');
    expect(p.last()?.freshness.intervalMin).toBe(10);
    const n = p.saved.length;
    p.type(p.q('[data-field="interval"]'), '61');
    p.type(p.q('[data-field="interval"]'), '1');
    expect(p.saved).toHaveLength(n);
    expect(p.el.querySelector('[data-error="interval"]')).not.toBeNull();
  });

  it('switches per platform and per surface', () => {
    const p = mount();
    p.click(p.q('[data-field="keepFresh"] [data-platform="taobao"]'));
    expect(p.last()?.freshness.keepFresh).toEqual({ pdd: true, douyin: true, taobao: false });
    p.click(p.q('[data-surface="pdd.aftersale-list"]'));
    expect(p.last()?.freshness.announceSurfaces).toEqual({ 'pdd.aftersale-list': false });
    p.click(p.q('[data-field="backgroundTab"] [data-platform="pdd"]'));
    expect(p.last()?.freshness.backgroundTab.pdd).toBe(true);
    p.type(p.q('[data-field="stale-kept"]'), '45');
    expect(p.last()?.freshness.staleKeptMs).toBe(45 * 60_000);
  });
});

it('parseWholeMinutes', () => {
  expect(parseWholeMinutes(' 7 ', 2, 60)).toBe(7);
  expect(parseWholeMinutes('7.5', 2, 60)).toBeUndefined();
  expect(parseWholeMinutes('', 2, 60)).toBeUndefined();
});
