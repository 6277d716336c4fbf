/**
 * The rule editor's form model (时效规则 tab): rules as the merchant edits them (hours and minutes as typed,
 * tags as chips, segments as `HH:mm` text) and back to validated `Rule`s. Pure, so the editor's rules for
 * what is valid are tested without a browser. Errors are i18n keys; the component words them.
 */
import { z } from 'zod';
import { TierSettingsSchema, type Settings, type TierSettings } from '@/lib/model/settings';
import type { Platform, TicketKind } from '@/lib/model/ticket';
import { surfaceDef, SURFACES, type SurfaceId } from '@/lib/model/surface';
import { ClockTimeSchema, RuleSchema, type Rule } from '@/lib/sla/rule-schema';
import type { DeadlineInput } from '@/lib/sla/types';

const MIN = 60_000;
const H = 60 * MIN;
/** The schema's ceiling for a rule's budget (RuleSchema.budgetMs). */
export const MAX_BUDGET_HOURS = 30 * 24;
/** The schema's ceiling for segments per clock. */
export const MAX_SEGMENTS = 12;
/** The schema's ceiling for tag length. */
export const MAX_TAG_LENGTH = 20;
/** A sane ceiling for the popup horizon; the schema only asks for a positive value. */
export const MAX_HORIZON_HOURS = 30 * 24;

export type UrgentChoice = 'any' | 'yes' | 'no';

export interface SegmentForm {
  start: string;
  end: string;
}

/** One rule as edited. Values the editor does not offer (`startFrom`, `informational`) ride along unchanged. */
export interface RuleForm {
  id: string;
  name: string;
  enabled: boolean;
  /** The lists the rule applies to; empty: any list where rules apply. */
  surfaces: SurfaceId[];
  platforms: Platform[];
  kinds: TicketKind[];
  tags: string[];
  urgent: UrgentChoice;
  hours: string;
  minutes: string;
  clockType: 'calendar' | 'windows';
  /** Kept while the clock is `calendar`, so switching back and forth loses nothing. */
  segments: SegmentForm[];
  days: 'every' | 'workdays';
  startFrom?: Rule['startFrom'];
  informational?: boolean | undefined;
}

/** The tier thresholds and popup horizon, as typed (minutes, percent, hours). */
export interface TiersForm {
  soonMinutes: string;
  soonSharePercent: string;
  criticalMinutes: string;
  horizonHours: string;
}

/** Field → i18n key of the error. Rule fields: `name`, `budget`, `tags`, `segments`, `segments.<i>`, `id`, `rule`. */
export type FieldErrors = Record<string, string>;

/** The segments a new `windows` clock starts with: the Douyin day (sla-rules.md). */
export const DEFAULT_SEGMENTS: readonly SegmentForm[] = [{ start: '09:00', end: '21:00' }];

const num = (n: number) => String(Math.round(n * 100) / 100);

export function formFromRule(rule: Rule): RuleForm {
  const totalMinutes = Math.round(rule.budgetMs / MIN);
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    surfaces: [...rule.match.surfaces],
    platforms: [...rule.match.platforms],
    kinds: [...rule.match.kinds],
    tags: [...rule.match.tagsAny],
    urgent: rule.match.urgent === undefined ? 'any' : rule.match.urgent ? 'yes' : 'no',
    hours: String(Math.floor(totalMinutes / 60)),
    minutes: String(totalMinutes % 60),
    clockType: rule.clock.type,
    segments:
      rule.clock.type === 'windows'
        ? rule.clock.segments.map((s) => ({ ...s }))
        : DEFAULT_SEGMENTS.map((s) => ({ ...s })),
    days: rule.clock.type === 'windows' ? rule.clock.days : 'every',
    ...(rule.startFrom ? { startFrom: rule.startFrom } : {}),
    ...(rule.informational ? { informational: true } : {}),
  };
}

/** A whole number typed into a field (blank counts as 0); undefined when it is not one. */
function wholeNumber(s: string): number | undefined {
  const v = s.trim();
  if (v === '') return 0;
  return /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}

/** A non-negative decimal typed into a field; undefined when it is not one (blank is not a value here). */
function decimal(s: string): number | undefined {
  const v = s.trim();
  return /^\d{1,6}(?:\.\d{1,3})?$/.test(v) ? Number(v) : undefined;
}

/** Whether a segment runs past midnight (22:00–02:00); `24:00` ends the same day. */
export const isOvernight = (s: SegmentForm): boolean => s.end !== '24:00' && s.end < s.start;

export type RuleResult = { ok: true; rule: Rule } | { ok: false; errors: FieldErrors };

/** Validates one rule form; on success the rule has passed RuleSchema. */
export function ruleFromForm(form: RuleForm): RuleResult {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (name.length === 0 || name.length > 60) errors.name = 'opt_err_name';

  const hours = wholeNumber(form.hours);
  const minutes = wholeNumber(form.minutes);
  let budgetMs = 0;
  if (hours === undefined || minutes === undefined || minutes > 59) errors.budget = 'opt_err_budget_number';
  else {
    budgetMs = hours * H + minutes * MIN;
    if (budgetMs <= 0) errors.budget = 'opt_err_budget_zero';
    else if (budgetMs > MAX_BUDGET_HOURS * H) errors.budget = 'opt_err_budget_max';
  }

  if (form.tags.some((t) => t.trim().length === 0 || t.length > MAX_TAG_LENGTH)) errors.tags = 'opt_err_tag';

  if (form.clockType === 'windows') {
    if (form.segments.length === 0 || form.segments.length > MAX_SEGMENTS) errors.segments = 'opt_err_segments_count';
    form.segments.forEach((s, i) => {
      const okStart = ClockTimeSchema.safeParse(s.start).success;
      const okEnd = ClockTimeSchema.safeParse(s.end).success;
      if (!okStart || !okEnd) errors[`segments.${i}`] = 'opt_err_time';
      // 00:00 as a start is midnight; 24:00 is only an end.
      else if (s.start === '24:00') errors[`segments.${i}`] = 'opt_err_start_2400';
      else if (s.start === s.end) errors[`segments.${i}`] = 'opt_err_segment_empty';
    });
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const candidate: Rule = {
    id: form.id,
    name,
    enabled: form.enabled,
    match: {
      surfaces: [...form.surfaces],
      platforms: [...form.platforms],
      kinds: [...form.kinds],
      tagsAny: form.tags.map((t) => t.trim()),
      ...(form.urgent === 'any' ? {} : { urgent: form.urgent === 'yes' }),
    },
    budgetMs,
    clock:
      form.clockType === 'calendar'
        ? { type: 'calendar' }
        : { type: 'windows', segments: form.segments.map((s) => ({ start: s.start, end: s.end })), days: form.days },
    ...(form.startFrom ? { startFrom: form.startFrom } : {}),
    ...(form.informational ? { informational: true } : {}),
  };
  // The schema is the last word: anything the checks above missed still cannot be saved.
  const parsed = RuleSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: { rule: 'opt_err_invalid' } };
  return { ok: true, rule: parsed.data };
}

export function tiersFormFrom(s: Pick<Settings, 'tiers' | 'popupHorizonMs'>): TiersForm {
  return {
    soonMinutes: num(s.tiers.soonWithinMs / MIN),
    soonSharePercent: num(s.tiers.soonShare * 100),
    criticalMinutes: num(s.tiers.criticalWithinMs / MIN),
    horizonHours: num(s.popupHorizonMs / H),
  };
}

export type TiersResult =
  | { ok: true; tiers: TierSettings; popupHorizonMs: number }
  | { ok: false; errors: Partial<Record<keyof TiersForm, string>> };

/** Validates the thresholds: minutes and hours may be decimals; critical must not exceed soon. */
export function tiersFromForm(form: TiersForm): TiersResult {
  const errors: Partial<Record<keyof TiersForm, string>> = {};
  const soon = decimal(form.soonMinutes);
  const share = decimal(form.soonSharePercent);
  const critical = decimal(form.criticalMinutes);
  const horizon = decimal(form.horizonHours);
  if (soon === undefined) errors.soonMinutes = 'opt_err_number';
  if (share === undefined || share > 100) errors.soonSharePercent = 'opt_err_percent';
  if (critical === undefined) errors.criticalMinutes = 'opt_err_number';
  else if (soon !== undefined && critical > soon) errors.criticalMinutes = 'opt_err_critical_gt_soon';
  if (horizon === undefined || horizon <= 0 || horizon > MAX_HORIZON_HOURS) errors.horizonHours = 'opt_err_horizon';
  if (Object.keys(errors).length) return { ok: false, errors };
  const tiers = TierSettingsSchema.safeParse({
    soonWithinMs: Math.round(soon! * MIN),
    soonShare: share! / 100,
    criticalWithinMs: Math.round(critical! * MIN),
  });
  const popupHorizonMs = Math.round(horizon! * H);
  if (!tiers.success || !z.number().int().positive().safeParse(popupHorizonMs).success) {
    return { ok: false, errors: { soonMinutes: 'opt_err_invalid' } };
  }
  return { ok: true, tiers: tiers.data, popupHorizonMs };
}

/** Whether a rule matches every ticket (any platform, kind, tag and urgency, counted from creation). */
export const isCatchAll = (r: Rule): boolean =>
  r.match.surfaces.length === 0 &&
  r.match.platforms.length === 0 &&
  r.match.kinds.length === 0 &&
  r.match.tagsAny.length === 0 &&
  r.match.urgent === undefined &&
  r.startFrom !== 'shipped';

export interface DraftResult {
  ok: boolean;
  rules: Rule[];
  /** Per rule, in order; empty objects for valid rules. */
  ruleErrors: FieldErrors[];
}

/** Validates every rule and the id set (unique ids, the `default` rule kept). */
export function validateRules(forms: readonly RuleForm[]): DraftResult {
  const results = forms.map(ruleFromForm);
  const ruleErrors = results.map((r) => (r.ok ? {} : { ...r.errors }));
  const seen = new Set<string>();
  forms.forEach((f, i) => {
    if (seen.has(f.id)) ruleErrors[i]!.id = 'opt_err_duplicate_id';
    seen.add(f.id);
  });
  const rules = results.flatMap((r) => (r.ok ? [r.rule] : []));
  const ok = ruleErrors.every((e) => Object.keys(e).length === 0) && forms.length > 0 && forms.length <= 100;
  return { ok, rules, ruleErrors };
}

/**
 * For each rule that can never apply because an earlier enabled rule matches every ticket, the index of
 * that earlier rule (first match wins). Disabled rules are not reported.
 */
export function shadowedRules(forms: readonly RuleForm[]): Map<number, number> {
  const out = new Map<number, number>();
  let catchAll: number | undefined;
  forms.forEach((f, i) => {
    const r = ruleFromForm(f);
    if (catchAll !== undefined && f.enabled) out.set(i, catchAll);
    if (catchAll === undefined && r.ok && r.rule.enabled && isCatchAll(r.rule)) catchAll = i;
  });
  return out;
}

/** A new, enabled rule with a fresh id; `now` makes the id (base 36), bumped until unique. */
export function newRuleForm(existingIds: readonly string[], now: number, name: string): RuleForm {
  let n = now;
  let id = `custom-${n.toString(36)}`;
  while (existingIds.includes(id)) id = `custom-${(++n).toString(36)}`;
  return {
    id,
    name,
    enabled: true,
    surfaces: [],
    platforms: [],
    kinds: [],
    tags: [],
    urgent: 'any',
    hours: '24',
    minutes: '0',
    clockType: 'calendar',
    segments: DEFAULT_SEGMENTS.map((s) => ({ ...s })),
    days: 'every',
  };
}

/** Where a new rule goes: before the first catch-all rule (else it could never apply), or at the end. */
export function insertionIndex(forms: readonly RuleForm[]): number {
  const i = forms.findIndex((f) => {
    const r = ruleFromForm(f);
    return r.ok && isCatchAll(r.rule);
  });
  return i === -1 ? forms.length : i;
}

/** A copy of `list` with the item at `from` moved to `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const target = Math.max(0, Math.min(out.length - 1, to));
  if (from < 0 || from >= out.length || from === target) return out;
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item!);
  return out;
}

/** Adds a tag typed into the chip input: trimmed, not empty, not longer than the schema allows, not twice. */
export function addTag(tags: readonly string[], typed: string): string[] {
  const tag = typed
    .trim()
    .replace(/[,，、]+$/u, '')
    .trim();
  if (!tag || tag.length > MAX_TAG_LENGTH || tags.includes(tag)) return [...tags];
  return [...tags, tag];
}

const BEIJING_MS = 8 * H;

/** A `datetime-local` value read as Beijing wall time, whatever the computer's zone; undefined if malformed. */
export function parseBeijingLocal(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi) - BEIJING_MS;
  // Date.UTC rolls 02-31 over into March; refuse instead of guessing.
  return new Date(ms + BEIJING_MS).getUTCDate() === d ? ms : undefined;
}

/** An instant as a `datetime-local` value in Beijing wall time (minutes). */
export function formatBeijingLocal(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 16);
}

/**
 * The lists a rule can be set to: those where rules apply. On the others (PDD 工单 and 售后, 抖店 售后,
 * 淘宝退款) only the platform sets deadlines, and no rule is ever applied there.
 */
export const RULE_SURFACES: readonly SurfaceId[] = SURFACES.filter((s) => s.deadlines === 'rules').map((s) => s.id);
/** The lists whose deadlines only the platform sets (shown in the editor as not taking rules). */
export const PLATFORM_SURFACES: readonly SurfaceId[] = SURFACES.filter((s) => s.deadlines === 'platform').map(
  (s) => s.id,
);

/**
 * A ticket the rule surely matches, received at `start`, for the live preview: the rule's first surface,
 * platform, kind and tag, its urgency; shipped at `start` too, for rules that count from shipping.
 */
export function previewTicket(rule: Rule, start: number): DeadlineInput {
  const surface =
    rule.match.surfaces[0] ?? RULE_SURFACES.find((s) => rule.match.platforms.includes(surfaceDef(s).platform));
  return {
    ...(surface ? { surface } : {}),
    platform: rule.match.platforms[0] ?? (surface ? surfaceDef(surface).platform : 'pdd'),
    kind: rule.match.kinds[0] ?? 'other',
    status: 'pending',
    tags: rule.match.tagsAny.slice(0, 1),
    urgent: rule.match.urgent ?? false,
    createdAt: start,
    firstSeenAt: start,
    shippedAt: start,
  };
}

/** A budget in words: `24 小时`, `1 小时 30 分钟` / `24 h`, `1 h 30 min`. */
export function formatBudget(ms: number, locale: 'zh' | 'en'): string {
  const total = Math.round(ms / MIN);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (locale === 'en') return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
  return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ') || '0 分钟';
}
