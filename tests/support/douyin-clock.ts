/**
 * Oracle for browser tests, written apart from lib/sla: `budget` counted only 09:00–21:00 Beijing, every day
 * (the Douyin clock of sla-rules.md).
 */
const H = 3600_000;
const DAY = 24 * H;
const BJ = 8 * H;

export function douyinWindowDue(start: number, budget: number): number {
  let left = budget;
  for (let day = Math.floor((start + BJ) / DAY) * DAY - BJ; ; day += DAY) {
    const from = Math.max(start, day + 9 * H);
    const to = day + 21 * H;
    if (from >= to) continue;
    if (to - from >= left) return from + left;
    left -= to - from;
  }
}
