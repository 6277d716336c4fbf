import { describe, expect, it } from 'vitest';
import { adapters } from '../adapters/registry';
import { supportedSurfaces } from './surfaces';

describe('supportedSurfaces', () => {
  const rows = supportedSurfaces(adapters);

  it('lists every page of every adapter with an example URL the page itself recognises', () => {
    expect(rows.length).toBe(adapters.reduce((n, a) => n + a.pages.length, 0));
    for (const r of rows) {
      expect(r.exampleUrl, r.kind).toBeDefined();
      const page = adapters.find((a) => a.id === r.platform)!.pages.find((p) => p.kind === r.kind)!;
      // Pages found by content need the page's document; their URL alone cannot prove the match.
      if (!page.byContent) expect(page.match(new URL(r.exampleUrl!)), r.kind).toBe(true);
    }
  });

  it('has a confidence for every page the registry knows (PageDef.confidence)', () => {
    expect(rows.filter((r) => r.confidence === 'unknown').map((r) => r.kind)).toEqual([]);
  });

  it('marks pages found by content as modelled', () => {
    for (const r of rows.filter((x) => x.byContent)) expect(r.confidence, r.kind).toBe('modelled');
  });
});
