/**
 * When is a PDD list response the complete list of the shop's open tickets? Only when its request asked for
 * every open status with no other filter: otherwise tickets missing from it (another tab, another type,
 * before the date range) are not evidence of anything, and marking them unseen would silence their alerts.
 * Pure. The request body is the page's own (copied by the MAIN-world hook); without it, never complete.
 */
import { parseEpoch } from '../../time/light';

export interface ListScope {
  complete: boolean;
  /** The listing covers tickets created from here on (createStartTime). */
  since?: number | undefined;
}

const NOT_COMPLETE: ListScope = { complete: false };

/** Status codes that are open on the 工单 list (0 待处理, 1 处理中, 4 即将逾期; marketplaces.md). */
const OPEN_TODO_STATUSES = [0, 1, 4];

const isAll = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.every((x) => x === null || x === ''));

/** `todoList` request `{serviceStatus, problemType, createStartTime, createEndTime, pageNum, pageSize}`. */
export function todoListScope(body: unknown, now: number): ListScope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return NOT_COMPLETE;
  const b = body as Record<string, unknown>;
  const known = new Set(['serviceStatus', 'problemType', 'createStartTime', 'createEndTime', 'pageNum', 'pageSize']);
  if (Object.keys(b).some((k) => !known.has(k))) return NOT_COMPLETE;
  const statuses = b.serviceStatus;
  const allStatuses =
    isAll(statuses) || (Array.isArray(statuses) && OPEN_TODO_STATUSES.every((s) => statuses.includes(s)));
  if (!allStatuses || !isAll(b.problemType)) return NOT_COMPLETE;
  // A range ending in the past cannot list what was created after it.
  if (b.createEndTime != null) {
    const end = parseEpoch(b.createEndTime, now);
    if (end === undefined || end < now - 3600_000) return NOT_COMPLETE;
  }
  if (b.createStartTime == null) return { complete: true };
  const since = parseEpoch(b.createStartTime, now);
  return since === undefined ? NOT_COMPLETE : { complete: true, since };
}

/** `queryList` request: complete only with nothing but paging (any status or type filter is a tab). */
export function afterSaleListScope(body: unknown): ListScope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return NOT_COMPLETE;
  const paging = new Set(['pageNumber', 'pageSize', 'pageNo', 'orderBy', 'sort']);
  return Object.keys(body).every((k) => paging.has(k)) ? { complete: true } : NOT_COMPLETE;
}

/** `complete` (and `completeSince`) for a ReadResult: every item came back and the request was unfiltered. */
export function completeness(allReturned: boolean, scope: ListScope): { complete: boolean; completeSince?: number } {
  const complete = allReturned && scope.complete;
  return complete && scope.since !== undefined ? { complete, completeSince: scope.since } : { complete };
}
