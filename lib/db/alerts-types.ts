/** What was notified, persisted so an alert is never raised twice across worker and browser restarts. */
export interface SentAlert {
  /** `${ticketKey}|${threshold}` (threshold: ms before due, or `overdue-<n>` for the n-th overdue repeat). */
  id: string;
  ticketKey: string;
  /** The deadline the alert was for: a moved deadline (时效延长) makes its thresholds due again. */
  dueAt: number;
  sentAt: number;
}
