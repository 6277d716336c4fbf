/**
 * Template bodies → text. Pure. The picker renders segments (so it can highlight a missing variable
 * and ask for it); insertion goes through {@link renderText}, which refuses while anything is missing,
 * so a raw `{买家}` never reaches a buyer.
 */
import { hasValue, variableForToken, type VariableKey, type VariableValues } from './variables';

/** Literal text of the body. */
export interface TextSegment {
  text: string;
}

/** A known variable; `value` is absent when no value was given. */
export interface VariableSegment {
  variable: VariableKey;
  /** The token as written in the body, braces included (`{买家}` or `{buyer}`). */
  token: string;
  value?: string;
}

export type Segment = TextSegment | VariableSegment;

export const isVariableSegment = (s: Segment): s is VariableSegment => 'variable' in s;

/**
 * `{name}` with a short name on one line. Names are bounded so an ordinary sentence in braces, JSON
 * or code pasted into a body does not look like a variable.
 */
const TOKEN = /\{([^{}\r\n]{1,20})\}/g;

/** What a body holds before values are applied. */
export interface ParsedBody {
  segments: Segment[];
  /** Known variables in order of first use, each once. */
  variables: VariableKey[];
  /** `{…}` tokens that name no variable, each once, braces included. They stay literal text. */
  unknown: string[];
}

/**
 * Splits a body into text and variable segments. Unknown `{foo}` stays text (and is reported) so a
 * merchant's own braces survive; adjacent text is merged.
 */
export function parseBody(body: string): ParsedBody {
  const segments: Segment[] = [];
  const variables: VariableKey[] = [];
  const unknown: string[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && !isVariableSegment(last)) last.text += text;
    else segments.push({ text });
  };
  let at = 0;
  for (const m of body.matchAll(TOKEN)) {
    const token = m[0];
    const name = m[1] ?? '';
    const start = m.index;
    pushText(body.slice(at, start));
    const key = variableForToken(name);
    if (key) {
      segments.push({ variable: key, token });
      if (!variables.includes(key)) variables.push(key);
    } else {
      pushText(token);
      if (!unknown.includes(token)) unknown.push(token);
    }
    at = start + token.length;
  }
  pushText(body.slice(at));
  return { segments, variables, unknown };
}

/** Segments with values applied. */
export interface RenderedBody extends ParsedBody {
  /** Variables used in the body that have no value, each once, in order of first use. */
  missing: VariableKey[];
}

/** Applies values to a body. Blank values count as missing. */
export function renderSegments(body: string, values: VariableValues): RenderedBody {
  const parsed = parseBody(body);
  const missing: VariableKey[] = [];
  const segments = parsed.segments.map((s): Segment => {
    if (!isVariableSegment(s)) return s;
    const value = values[s.variable];
    if (hasValue(value)) return { ...s, value };
    if (!missing.includes(s.variable)) missing.push(s.variable);
    return s;
  });
  return { ...parsed, segments, missing };
}

export type RenderTextResult =
  { ok: true; text: string; unknown: string[] } | { ok: false; missing: VariableKey[]; unknown: string[] };

/**
 * The text to insert, or the list of variables still missing. Never returns text with a raw variable
 * token in it; unknown tokens are the merchant's own text and are kept.
 */
export function renderText(body: string, values: VariableValues): RenderTextResult {
  const r = renderSegments(body, values);
  if (r.missing.length > 0) return { ok: false, missing: r.missing, unknown: r.unknown };
  const text = r.segments.map((s) => (isVariableSegment(s) ? (s.value ?? '') : s.text)).join('');
  return { ok: true, text, unknown: r.unknown };
}

/** Known variables a body uses, in order of first use. */
export function variablesIn(body: string): VariableKey[] {
  return parseBody(body).variables;
}
