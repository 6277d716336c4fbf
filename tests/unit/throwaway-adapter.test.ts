// @vitest-environment happy-dom
/**
 * Registers a throwaway marketplace in one place (tests/support/throwaway-{meta,adapter}.ts; the two vi.mock lines
 * below append it to the catalog and the registry) and proves it appears wherever a marketplace appears,
 * with no other file edited: platform and surface lists, stored shapes, settings, the manifest wxt.config.ts
 * builds, default rules and templates, display names and colours in the popup, notifications and options,
 * and the adapter contract.
 */
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/adapters/catalog', async (real) =>
  (await import('../support/throwaway-meta')).withThrowawayCatalog(await real()),
);
vi.mock('../../lib/adapters/registry', async (real) =>
  (await import('../support/throwaway-adapter')).withThrowawayRegistry(await real()),
);

const { MARKETPLACES } = await import('../../lib/adapters/catalog');
const { manifestHosts } = await import('../../lib/adapters/manifest');
const { adapters, detectPage } = await import('../../lib/adapters/registry');
const { platformName, platformStyle, surfaceName } = await import('../../lib/i18n');
const { PLATFORMS, PlatformSchema, RawTicketSchema, SurfaceIdSchema, ticketKey } =
  await import('../../lib/model/ticket');
const { SURFACES } = await import('../../lib/model/surface');
const { DEFAULT_SETTINGS, SettingsSchema } = await import('../../lib/model/settings');
const { DEFAULT_RULES } = await import('../../lib/sla/default-rules');
const { defaultTemplates } = await import('../../lib/templates/defaults');
const { mergeTicket } = await import('../../lib/tickets/merge');
const { summarize } = await import('../../lib/tickets/summary');
const { ticketLabel } = await import('../../lib/alarms/notify');
const { Counts } = await import('../../components/popup/Counts');
const { FreshnessSettingsPanel } = await import('../../components/options/FreshnessSettings');
const { describeAdapterContract } = await import('../support/adapter-contract');
const { demoshopAdapter } = await import('../support/throwaway-adapter');
const { FIXTURE_NOW, loadDocument } = await import('../support/fixtures');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ID = 'demoshop';
const URL_ = new URL('https://seller.demoshop.example/tickets');

function readFixture() {
  const doc = loadDocument(ID, 'ticket-list--rendered.html', URL_.href);
  return demoshopAdapter.readRows!(doc, 'demoshop.ticket-list' as never, { now: FIXTURE_NOW, pageUrl: URL_ });
}
const stored = () =>
  readFixture().tickets.map((raw) =>
    mergeTicket(undefined, raw, { rules: DEFAULT_RULES, now: FIXTURE_NOW, pageKind: raw.surface, complete: false }),
  );

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});
function render(node: ReactNode): HTMLElement {
  const el = (host = document.createElement('div'));
  document.body.appendChild(el);
  root = createRoot(el);
  act(() => root!.render(node));
  return el;
}

describe('a throwaway marketplace registered in one place', () => {
  it('is a platform with its surfaces: ids, schemas, keys', () => {
    expect(MARKETPLACES.map((m) => m.id)).toContain(ID);
    expect(PLATFORMS).toContain(ID);
    expect(PlatformSchema.safeParse(ID).success).toBe(true);
    expect(SURFACES).toContainEqual({ id: 'demoshop.ticket-list', platform: ID, family: 'ticket', deadlines: 'rules' });
    expect(SurfaceIdSchema.safeParse('demoshop.ticket-list').success).toBe(true);
    const raw = readFixture().tickets[0]!;
    expect(RawTicketSchema.safeParse(raw).success).toBe(true);
    expect(ticketKey(raw)).toBe(`${ID}:${raw.shopId}:ticket:T1001`);
  });

  it('is recognised by URL and read by its adapter', () => {
    expect(adapters.map((a) => a.id)).toContain(ID);
    expect(detectPage(URL_)?.adapter.id).toBe(ID);
    const r = readFixture();
    expect(r.issues).toEqual([]);
    expect(r.tickets.map((t) => t.nativeId)).toEqual(['T1001', 'T1002']);
    expect(r.shop?.name).toBe('演示旗舰店');
  });

  it('is in the manifest wxt.config.ts builds: host permissions and the picker panel matches', async () => {
    const config = (await import('../../wxt.config')).default as {
      manifest: (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
        host_permissions: string[];
        web_accessible_resources: { matches: string[] }[];
      };
    };
    const m = config.manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    expect(m.host_permissions).toContain('https://seller.demoshop.example/*');
    expect(m.web_accessible_resources[0]!.matches).toContain('https://seller.demoshop.example/*');
    expect(manifestHosts(MARKETPLACES)).toEqual({
      host_permissions: m.host_permissions,
      web_accessible_resources: m.web_accessible_resources,
    });
    // The content scripts' matches are the same function over the adapter's meta (entrypoints/<id>*.content.ts).
    expect(demoshopAdapter.matches).toEqual(['https://seller.demoshop.example/*']);
  });

  it('has its settings switches, and settings saved before it existed still load', () => {
    expect(DEFAULT_SETTINGS.freshness.keepFresh[ID as 'pdd']).toBe(true);
    expect(DEFAULT_SETTINGS.freshness.backgroundTab[ID as 'pdd']).toBe(false);
    const before = structuredClone(DEFAULT_SETTINGS);
    for (const k of ['keepFresh', 'backgroundTab', 'announce'] as const)
      delete (before.freshness[k] as Record<string, boolean>)[ID];
    const parsed = SettingsSchema.parse(before);
    expect(parsed.freshness.announce[ID as 'pdd']).toBe(true);
  });

  it('ships its default rule and template; the rule gives its tickets a deadline', () => {
    expect(DEFAULT_RULES.map((r) => r.id)).toContain('demoshop-ticket');
    expect(defaultTemplates().map((t) => t.id)).toContain('default-demoshop-thanks');
    const t = stored()[0]!;
    expect(t.dueSource).toBe('rule:demoshop-ticket');
    expect(t.dueAt).toBe(FIXTURE_NOW - 3600_000 + 12 * 3600_000);
  });

  it('is named and coloured from its meta: popup counts, notifications', () => {
    expect(platformName(ID)).toBe('演示店');
    expect(surfaceName('demoshop.ticket-list')).toBe('演示店 工单');
    expect(platformStyle(ID)).toEqual({ '--plat': '#1d5fa8' });
    const tickets = stored();
    const summary = summarize(tickets, DEFAULT_SETTINGS, FIXTURE_NOW);
    const el = render(createElement(Counts, { summary, shopLabel: (k: string) => k, onPick: () => {} }));
    expect(el.textContent).toContain('演示店');
    expect(ticketLabel(tickets[0]!, undefined)).toContain('演示店');
  });

  it('is listed on the options page: per-platform switches and its surface', () => {
    const el = render(createElement(FreshnessSettingsPanel, { settings: DEFAULT_SETTINGS, onChange: () => {} }));
    expect(el.querySelector(`[data-field="keepFresh"] [data-platform="${ID}"]`)).not.toBeNull();
    expect(el.querySelector(`[data-field="backgroundTab"] [data-platform="${ID}"]`)).not.toBeNull();
    expect(el.textContent).toContain('演示店');
  });
});

// The adapter contract runs over the registry with it, as over the shipped one (pages, evidence, meta, fixtures).
describeAdapterContract({ adapters, detectPage });
