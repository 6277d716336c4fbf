/** Loading saved fixtures for unit tests. Fixtures live in tests/fixtures/<platform>/<page>--<variant>.<ext>. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** 2026-11-25 10:00 Beijing: the "now" every static fixture was written against. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 25, 2, 0, 0);

export const fixturePath = (platform: string, name: string) => join(FIXTURES, platform, name);
export const readFixture = (platform: string, name: string) => readFileSync(fixturePath(platform, name), 'utf8');
export const fixtureExists = (platform: string, name: string) => existsSync(fixturePath(platform, name));
export const listFixtures = (platform: string) =>
  existsSync(join(FIXTURES, platform)) ? readdirSync(join(FIXTURES, platform)).sort() : [];

/** A saved page as a Document (happy-dom, scripts not run), with its real URL. */
export function loadDocument(platform: string, name: string, url = 'https://example.invalid/'): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(readFixture(platform, name));
  return window.document as unknown as Document;
}
