import { Fragment, forwardRef } from 'react';

/**
 * A SHA-256 as people read it aloud or copy it by eye: groups of eight digits set slightly apart,
 * and a line break, when one is needed, only in the middle. The text (and a copy of a selection) is
 * the hash alone: the gaps are spacing, not spaces.
 */
export const HashText = forwardRef<HTMLElement, { value: string; className?: string; testId?: string }>(function HashText(props, ref) {
  const groups = props.value.match(/.{1,8}/g) ?? [];
  const middle = Math.ceil(groups.length / 2);
  return (
    <code ref={ref} className={`evidence-hash-text ${props.className ?? ''}`.trim()} data-testid={props.testId} translate="no">
      {groups.map((g, i) => (
        <Fragment key={i}>
          {i === middle ? <wbr /> : null}
          <span>{g}</span>
        </Fragment>
      ))}
    </code>
  );
});
