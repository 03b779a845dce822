import type { DiffPart } from '../../../shared/review/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * One side of a word-level diff: the older text (shared words and the removed ones, struck out in
 * `<del>`) or the newer (shared words and the added ones, in `<ins>`). Screen readers hear
 * "removed:" / "added:" before each change (CSS-generated from `data-label`, so the copied text
 * stays the text).
 */
export function DiffText(props: { parts: readonly DiffPart[]; side: 'before' | 'after'; locale: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const removed = t('review.compare.removed');
  const added = t('review.compare.added');
  return (
    <div className="rv-diff" lang={props.locale} role="document" aria-label={props.label} tabIndex={0} data-testid={props.testId}>
      {props.parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' ? (
          props.side === 'before' ? (
            <del key={i} data-label={removed}>
              {p.text}
            </del>
          ) : null
        ) : props.side === 'after' ? (
          <ins key={i} data-label={added}>
            {p.text}
          </ins>
        ) : null,
      )}
    </div>
  );
}

/** True when a diff holds any change. */
export function hasChange(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}
