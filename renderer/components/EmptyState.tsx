import type { ReactNode } from 'react';

/** An honest empty state: what will appear here and how to get data in. */
export function EmptyState(props: { title: string; body: string; hint?: string; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-live="polite">
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {props.hint ? <p className="muted">{props.hint}</p> : null}
      {props.action ?? null}
    </section>
  );
}
