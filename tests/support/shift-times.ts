/**
 * Fixtures are written against FIXTURE_NOW (2026-11-25 10:00 Beijing). Served to a live browser they are
 * shifted so that "1 hour overdue" in the fixture is 1 hour overdue now. Only fields known to hold instants
 * are shifted, in the unit they were written in (s or ms).
 */
export const TIME_FIELDS = new Set([
  'createdAt',
  'deadline',
  'status_deadline',
  'apply_time',
  'create_time',
  'update_time',
  'delay_end_time',
  'lastLogTime',
  'updatedAt',
]);

export function shiftTimes<T>(value: T, deltaMs: number): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === 'number' && key && TIME_FIELDS.has(key)) {
      if (v > 1e11) return Math.round(v + deltaMs);
      if (v > 1e9) return Math.round(v + deltaMs / 1000);
    }
    return v;
  };
  return walk(value) as T;
}
