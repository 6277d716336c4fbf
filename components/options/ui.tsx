/** Small building blocks shared by the options tabs. Text only: page data is never rendered as HTML. */
import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { barPercent } from '@/lib/analytics/summary';

/** A titled card. `id` makes it linkable and labels it for assistive tech. */
export function Section(props: {
  id: string;
  title: string;
  hint?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="opt-card" aria-labelledby={`${props.id}-title`} data-section={props.id}>
      <header className="opt-card__head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.actions && <div className="opt-card__actions">{props.actions}</div>}
      </header>
      {props.hint && <p className="opt-hint">{props.hint}</p>}
      {props.children}
    </section>
  );
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Extra text after the value, e.g. a percentage. */
  note?: string | undefined;
  tone?: 'blue' | 'red' | 'amber' | 'grey' | 'green' | undefined;
  /** Indented under the item before it (a breakdown). */
  sub?: boolean | undefined;
}

/**
 * Horizontal CSS bars: label, bar, value. The values are text in the list, so screen readers and
 * copy-paste get the numbers; the bars are decoration.
 */
export function BarList({ items, label }: { items: readonly BarItem[]; label: string }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <ul className="opt-bars" aria-label={label}>
      {items.map((i) => (
        <li key={i.key} data-bar={i.key} className={i.sub ? 'is-sub' : undefined}>
          <span className="opt-bars__label">{i.label}</span>
          <span className="opt-bars__track" aria-hidden="true">
            <span
              className={`opt-bars__fill tone-${i.tone ?? 'blue'}`}
              style={{ width: `${barPercent(i.value, max)}%` }}
            />
          </span>
          <span className="opt-bars__value">
            {i.value}
            {i.note && <span className="opt-muted"> {i.note}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One big number with its caption. */
export function Stat({ label, value, tone }: { label: string; value: number | string; tone?: BarItem['tone'] }) {
  return (
    <div className={`opt-stat tone-${tone ?? 'grey'}`}>
      <div className="opt-stat__value">{value}</div>
      <div className="opt-stat__label">{label}</div>
    </div>
  );
}

/** An inline validation message tied to its field by id (`aria-describedby`). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span className="opt-error" id={id} role="alert">
      {t(error)}
    </span>
  );
}

/** `1.2 MB`; binary units, one decimal. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** Shown while a live query has not answered yet. */
export function Loading() {
  return (
    <p className="opt-muted" aria-busy="true">
      {t('opt_loading')}
    </p>
  );
}
