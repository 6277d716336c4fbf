/**
 * Template search for the picker and the library. Pure.
 *
 * Merchants type pinyin initials far more than characters (`tk` for 退款), so each field is indexed
 * three ways: its text, its full pinyin (`tuikuan`) and its initials (`tk`). The index is built by
 * search-index.ts (pinyin-pro, ~320 KB of dictionary) in the extension's own pages and worker; this file
 * only matches, so the content scripts on seller pages search without bundling the dictionary.
 */
import { z } from 'zod';
import { TemplateSchema, type Template } from '../model/template';
import type { Platform, TicketKind } from '../model/ticket';

/** One searchable string, pre-computed. */
export interface FieldIndex {
  /** NFKC, lower case: full-width `ＴＫ` matches `tk`. */
  text: string;
  /** Syllables joined: `退款单` → `tuikuandan`. Non-Chinese characters are kept as they are (lower case). */
  full: string;
  /** Offsets in `full` where a syllable or character starts; full-pinyin matches must start on one. */
  starts: readonly number[];
  /** First letter of each syllable: `tkd`. */
  initials: string;
}

/** A template with its pre-computed fields. */
export interface IndexedTemplate {
  template: Template;
  title: FieldIndex;
  tags: readonly FieldIndex[];
  folder: FieldIndex;
  body: FieldIndex;
  /** Lower case, without a leading `/`. Empty when the template has none. */
  shortcut: string;
}

/** Built by {@link buildSearchIndex}; pass it to {@link searchTemplates} on every keystroke. */
export interface SearchIndex {
  readonly entries: readonly IndexedTemplate[];
}

/** Narrows results to what fits the reply box. An absent field filters nothing. */
export interface SearchScope {
  platform?: Platform | undefined;
  kind?: TicketKind | undefined;
  /** Shop key `platform:shopId`. */
  shop?: string | undefined;
}

/** Where the best match of a hit was found. */
export type MatchField = 'shortcut' | 'title' | 'tags' | 'folder' | 'body' | 'none';

export interface SearchHit {
  template: Template;
  score: number;
  field: MatchField;
}

export const norm = (s: string): string => s.normalize('NFKC').toLowerCase();

const FieldIndexSchema = z.object({
  text: z.string(),
  full: z.string(),
  starts: z.array(z.number().int().nonnegative()).readonly(),
  initials: z.string(),
});
/** The index as it crosses from the worker to a content script (validated there like any reply). */
export const SearchIndexSchema = z.object({
  entries: z
    .array(
      z.object({
        template: TemplateSchema,
        title: FieldIndexSchema,
        tags: z.array(FieldIndexSchema).readonly(),
        folder: FieldIndexSchema,
        body: FieldIndexSchema,
        shortcut: z.string(),
      }),
    )
    .readonly(),
});

/** True when the template applies to the scope. An empty list in the template's scope means "all". */
export function inScope(t: Template, scope: SearchScope | undefined): boolean {
  if (!scope) return true;
  const { platforms, kinds, shops } = t.scope;
  if (scope.platform && platforms.length > 0 && !platforms.includes(scope.platform)) return false;
  if (scope.kind && kinds.length > 0 && !kinds.includes(scope.kind)) return false;
  if (scope.shop && shops.length > 0 && !shops.includes(scope.shop)) return false;
  return true;
}

/** How good a match of one term in one field is: text beats full pinyin beats initials; a prefix beats the middle. */
function matchField(f: FieldIndex, term: string, pinyinOk: boolean): number {
  const i = f.text.indexOf(term);
  if (i === 0) return 1.2;
  if (i > 0) return 1;
  if (!pinyinOk) return 0;
  let best = 0;
  for (let at = f.full.indexOf(term); at >= 0; at = f.full.indexOf(term, at + 1)) {
    // A match starting inside a syllable (`uik` in `tuikuan`) is noise, not intent.
    if (f.starts.includes(at)) {
      best = at === 0 ? 0.95 : 0.85;
      break;
    }
  }
  if (best > 0) return best;
  const j = f.initials.indexOf(term);
  if (j === 0) return 0.8;
  if (j > 0) return 0.7;
  return 0;
}

/** Field weights: title > tags > folder > body (the ranking). */
const WEIGHT = { title: 100, tags: 60, folder: 40, body: 20 } as const;

/** Terms this short match pinyin only in short fields; in a 2000-character body `t` would match everything. */
const MIN_BODY_PINYIN = 2;

function scoreTerm(e: IndexedTemplate, term: string): { score: number; field: MatchField } {
  const ascii = /^[a-z]+$/.test(term);
  let score = 0;
  let field: MatchField = 'none';
  const consider = (s: number, f: MatchField) => {
    if (s > score) {
      score = s;
      field = f;
    }
  };
  consider(matchField(e.title, term, ascii) * WEIGHT.title, 'title');
  for (const tag of e.tags) consider(matchField(tag, term, ascii) * WEIGHT.tags, 'tags');
  consider(matchField(e.folder, term, ascii) * WEIGHT.folder, 'folder');
  consider(matchField(e.body, term, ascii && term.length >= MIN_BODY_PINYIN) * WEIGHT.body, 'body');
  return { score, field };
}

/**
 * Ranked templates for a query. Every whitespace-separated term must match somewhere; an exact
 * shortcut (`/tk` or `tk`) puts its template first. Ties go to the more used, then to the title.
 * An empty query lists everything in scope by usage.
 */
export function searchTemplates(index: SearchIndex, query: string, scope?: SearchScope): SearchHit[] {
  const q = norm(query).trim();
  const terms = q.split(/\s+/).filter((s) => s !== '');
  const shortcutQuery = q.replace(/^\//, '');
  const hits: SearchHit[] = [];
  for (const e of index.entries) {
    if (!inScope(e.template, scope)) continue;
    if (terms.length === 0) {
      hits.push({ template: e.template, score: 0, field: 'none' });
      continue;
    }
    if (e.shortcut !== '' && e.shortcut === shortcutQuery) {
      hits.push({ template: e.template, score: 10_000, field: 'shortcut' });
      continue;
    }
    let total = 0;
    let bestField: MatchField = 'none';
    let bestScore = 0;
    let all = true;
    for (const term of terms) {
      const plain = term.replace(/^\//, '');
      let r = scoreTerm(e, plain);
      if (e.shortcut !== '' && plain !== '' && e.shortcut.startsWith(plain) && r.score < 150) {
        r = { score: 150, field: 'shortcut' };
      }
      if (r.score === 0) {
        all = false;
        break;
      }
      total += r.score;
      if (r.score > bestScore) {
        bestScore = r.score;
        bestField = r.field;
      }
    }
    if (all) hits.push({ template: e.template, score: total, field: bestField });
  }
  return hits.sort(
    (a, b) =>
      b.score - a.score ||
      b.template.usageCount - a.template.usageCount ||
      a.template.title.localeCompare(b.template.title, 'zh-CN'),
  );
}
