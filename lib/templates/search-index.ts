/**
 * Building the template search index (see search.ts). Uses pinyin-pro, so it runs where its dictionary
 * is cheap to load: the options page, and the worker, which sends ready indexes to the picker on seller
 * pages.
 */
import { pinyin } from 'pinyin-pro';
import type { Template } from '../model/template';
import { norm, type FieldIndex, type IndexedTemplate, type SearchIndex } from './search';

/** Indexes one string. Exported for tests. */
export function indexField(value: string): FieldIndex {
  const text = norm(value);
  const syllables = text === '' ? [] : pinyin(text, { toneType: 'none', type: 'array', v: true });
  let full = '';
  let initials = '';
  const starts: number[] = [];
  for (const syl of syllables) {
    const s = syl.toLowerCase();
    // Whitespace and punctuation separate words in the text but would only get in the way of pinyin
    // matches (`tui kuan` should be found by `tuikuan`), so they are left out of `full` and `initials`.
    if (s.trim() === '' || /^[\p{P}\p{S}]+$/u.test(s)) continue;
    starts.push(full.length);
    full += s;
    initials += s.charAt(0);
  }
  return { text, full, starts, initials };
}

function indexTemplate(t: Template): IndexedTemplate {
  return {
    template: t,
    title: indexField(t.title),
    tags: t.tags.map(indexField),
    folder: indexField(t.folder),
    body: indexField(t.body),
    shortcut: norm(t.shortcut ?? '').replace(/^\//, ''),
  };
}

/**
 * Entries by template object. Templates are treated as immutable (every edit makes a new object), so
 * an object seen before has the same fields: a usage-count update re-indexes one template, not all.
 * Weak, so templates that are gone are collected with their entries.
 */
const entryCache = new WeakMap<Template, IndexedTemplate>();

/** Builds the index, reusing the entries of template objects indexed before. */
export function buildSearchIndex(templates: readonly Template[]): SearchIndex {
  return {
    entries: templates.map((t) => {
      let e = entryCache.get(t);
      if (!e) {
        e = indexTemplate(t);
        entryCache.set(t, e);
      }
      return e;
    }),
  };
}
