import { describe, expect, it } from 'vitest';
import { fixtureExists, loadDocument } from '../../../tests/support/fixtures';
import { evidence } from './selectors';

/** Every selector matches its fixtures exactly as often as its evidence says (conventions.md). */
describe('Douyin selector evidence', () => {
  for (const [selector, pairs] of Object.entries(evidence)) {
    for (const [count, fixture] of pairs) {
      it(`${selector} × ${count} in ${fixture}`, () => {
        expect(fixtureExists('douyin', fixture), fixture).toBe(true);
        const doc = loadDocument('douyin', fixture, 'https://fxg.jinritemai.com/');
        expect(doc.querySelectorAll(selector).length).toBe(count);
      });
    }
  }
});
