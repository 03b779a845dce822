import { useErrorText } from '../errors.tsx';

/**
 * Why writing or checking a pack failed, inside the dialog: a title saying what failed, then the
 * error worded in the user's language (and, in Korean, the English detail beneath when it has no
 * wording of its own).
 */
export function FailureAlert(props: { title: string; error: unknown; testId: string }) {
  const shown = useErrorText()(props.error);
  return (
    <div className="alert alert-danger" role="alert" data-testid={props.testId}>
      <div className="alert-body">
        <strong className="alert-title">{props.title}</strong>
        <p>{shown.message}</p>
        {shown.detail ? (
          <p className="alert-detail" lang="en">
            {shown.detail}
          </p>
        ) : null}
      </div>
    </div>
  );
}
