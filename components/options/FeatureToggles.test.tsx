// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/model/settings';
import { FEATURE_IDS } from '../../lib/model/settings-defaults';
import { FEATURES } from '../../lib/features/registry';
import '../../tests/setup/i18n';
import { FeatureToggles } from './FeatureToggles';

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
        <FeatureToggles
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
  const sw = (id: string) => el.querySelector<HTMLInputElement>(`[data-feature="${id}"] input[role="switch"]`)!;
  return { el, sw, saved };
}

describe('FeatureToggles', () => {
  it('has one switch per registered feature, on by default, each named and described (zh-CN)', () => {
    expect([...FEATURE_IDS].sort()).toEqual(FEATURES.map((f) => f.id).sort());
    const p = mount();
    for (const id of FEATURE_IDS) {
      const sw = p.sw(id);
      expect(sw.checked, id).toBe(true);
      const row = p.el.querySelector(`[data-feature="${id}"]`)!;
      const name = row.querySelector('.opt-feature__name')!.textContent!;
      // Real wording from public/_locales/zh_CN (tests/setup lends it outside an extension), never a key.
      expect(name, id).not.toMatch(/^opt_feature/);
      const hint = p.el.querySelector(`#${sw.getAttribute('aria-describedby')}`)!.textContent!;
      expect(hint, id).not.toMatch(/^opt_feature/);
    }
    expect(p.el.textContent).toContain('自动刷新指示');
  });

  it('turning a feature off stores it off and leaves the others alone; the stored settings stay valid', () => {
    const p = mount();
    act(() => p.sw('freshness-indicator').click());
    const next = p.saved.at(-1)!;
    expect(next.features['freshness-indicator']).toBe(false);
    expect(next.features['countdown-badge']).toBe(true);
    expect(SettingsSchema.safeParse(next).success).toBe(true);
    expect(p.sw('freshness-indicator').checked).toBe(false);
    expect(p.el.querySelector('[data-feature="freshness-indicator"]')!.getAttribute('data-on')).toBe('false');
    act(() => p.sw('freshness-indicator').click());
    expect(p.saved.at(-1)!.features['freshness-indicator']).toBe(true);
  });

  it('reads a feature missing from stored settings as on', () => {
    const p = mount({ ...DEFAULT_SETTINGS, features: { 'countdown-badge': false } });
    expect(p.sw('countdown-badge').checked).toBe(false);
    expect(p.sw('template-picker').checked).toBe(true);
  });
});
