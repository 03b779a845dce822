import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons.tsx';
import { useCurrentPage } from './page-context.ts';

/**
 * An honest empty state: what will appear here and how to get data in. `hint` is shown as a
 * how-to line (command-like text keeps its spacing); `icon` defaults to the current page's icon.
 */
export function EmptyState(props: { title: string; body: string; hint?: string; action?: ReactNode; icon?: IconName }) {
  const page = useCurrentPage();
  return (
    <section className="empty-state" aria-live="polite">
      <span className="empty-state-icon" aria-hidden="true">
        <Icon name={props.icon ?? page} size={28} />
      </span>
      <h2>{props.title}</h2>
      <p className="empty-state-body">{props.body}</p>
      {props.hint ? <p className="empty-state-hint">{props.hint}</p> : null}
      {props.action ? <div className="empty-state-action">{props.action}</div> : null}
    </section>
  );
}
