/**
 * Pinyin initials of a text (`退款` → `tk`), cached per text. Uses pinyin-pro, so only extension pages import
 * this (the popup); content scripts must not bundle the dictionary.
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();
const MAX = 50_000;

export function initialsOf(text: string): string {
  let v = cache.get(text);
  if (v === undefined) {
    v = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (cache.size >= MAX) cache.clear();
    cache.set(text, v);
  }
  return v;
}
