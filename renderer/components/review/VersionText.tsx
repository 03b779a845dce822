import { useEffect, useMemo, useRef } from 'react';
import type { Locale } from '../../../shared/disclosures/types.ts';
import type { PlacedThread } from '../../../shared/review/types.ts';
import { segmentText } from './thread-filter.ts';

/** Words selected in a version's text: their UTF-16 range in that locale's text, and the words. */
export interface TextSelection {
  locale: Locale;
  start: number;
  end: number;
  quote: string;
}

/** The offset of a DOM position inside `container`, counted in characters of its text. */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * One locale's text of a version, read-only, exactly as stored (Markdown marks included, so the
 * offsets are the anchors' offsets), with the placed comment threads marked. Selecting words in it
 * reports their range; hovering or focusing a mark reports its thread.
 */
export function VersionText(props: {
  locale: Locale;
  text: string;
  label: string;
  threads: readonly PlacedThread[];
  activeThread: string | null;
  onSelect(selection: TextSelection | null): void;
  onActivate(threadId: string | null): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => segmentText(props.text, props.threads, props.locale), [props.text, props.threads, props.locale]);
  const { locale, text, onSelect } = props;

  useEffect(() => {
    const report = () => {
      const el = ref.current;
      const sel = document.getSelection();
      if (!el || !sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return;
      const start = offsetIn(el, range.startContainer, range.startOffset);
      const end = offsetIn(el, range.endContainer, range.endOffset);
      onSelect(end > start ? { locale, start, end, quote: text.slice(start, end) } : null);
    };
    document.addEventListener('selectionchange', report);
    return () => document.removeEventListener('selectionchange', report);
  }, [locale, text, onSelect]);

  return (
    <div
      ref={ref}
      className="rv-text"
      lang={props.locale}
      data-locale={props.locale}
      data-testid={`version-text-${props.locale}`}
      role="document"
      aria-label={props.label}
      tabIndex={0}
    >
      {pieces.map((p) =>
        p.threadIds.length ? (
          <mark
            key={p.start}
            className={`rv-mark${props.activeThread && p.threadIds.includes(props.activeThread) ? ' rv-mark-active' : ''}`}
            data-threads={p.threadIds.join(' ')}
            onMouseEnter={() => props.onActivate(p.threadIds[0]!)}
            onMouseLeave={() => props.onActivate(null)}
          >
            {props.text.slice(p.start, p.end)}
          </mark>
        ) : (
          <span key={p.start}>{props.text.slice(p.start, p.end)}</span>
        ),
      )}
    </div>
  );
}
