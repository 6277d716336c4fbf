/**
 * What counts as a template's content (as opposed to bookkeeping: usage count, timestamps, origin).
 * Import diffs, "untouched default" checks and compare-before-write all use this one definition.
 */
import type { Template } from '../model/template';

/** Fields the merchant edits. */
export const CONTENT_FIELDS = ['title', 'body', 'scope', 'folder', 'tags', 'shortcut', 'note'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

const canon = (t: Template, f: ContentField): string => {
  switch (f) {
    case 'scope':
      // Order inside a scope list carries no meaning.
      return JSON.stringify([[...t.scope.platforms].sort(), [...t.scope.kinds].sort(), [...t.scope.shops].sort()]);
    case 'tags':
      return JSON.stringify(t.tags);
    case 'shortcut':
    case 'note':
      // Absent and empty mean the same: no shortcut, no note.
      return t[f] ?? '';
    default:
      return t[f];
  }
};

/** Content fields that differ between two templates, in CONTENT_FIELDS order. */
export function changedFields(a: Template, b: Template): ContentField[] {
  return CONTENT_FIELDS.filter((f) => canon(a, f) !== canon(b, f));
}

/** True when the merchant-visible content is the same. */
export function sameContent(a: Template, b: Template): boolean {
  return changedFields(a, b).length === 0;
}
