/**
 * The adapter health log: what failed to read, where, when, how often. Bounded; shown on the options page
 * (诊断) so a merchant or we can see that a marketplace changed its page. Pure helpers + the entry type.
 */
import { z } from 'zod';

export const HealthReportSchema = z.object({
  adapter: z.string().max(20),
  page: z.string().max(60),
  code: z.string().max(40),
  detail: z.string().max(300),
  /** The page path where it happened (no query: queries can carry personal data). */
  path: z.string().max(200),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

export interface HealthEntry extends HealthReport {
  /** `${adapter}|${page}|${code}`: one row per kind of failure, counting repeats. */
  id: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

export const HEALTH_MAX_ENTRIES = 200;

export const healthId = (r: Pick<HealthReport, 'adapter' | 'page' | 'code'>) => `${r.adapter}|${r.page}|${r.code}`;

/** Folds a report into its entry (new or existing). */
export function foldHealth(prev: HealthEntry | undefined, r: HealthReport, now: number): HealthEntry {
  return prev
    ? { ...prev, detail: r.detail, path: r.path, count: prev.count + 1, lastAt: now }
    : { ...r, id: healthId(r), count: 1, firstAt: now, lastAt: now };
}
