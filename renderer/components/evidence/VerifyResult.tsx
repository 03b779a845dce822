import type { EvidenceVerification } from '../../../shared/evidence/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { HashText } from './HashText.tsx';

type Kind = 'missing' | 'extra' | 'altered';

/** One file that fails, as the result list shows it. */
interface Problem {
  kind: Kind;
  path: string;
  expected?: string;
  actual?: string;
}

/** Every failing file, altered first (the likeliest tampering), each kind sorted by path. */
export function problemsOf(result: EvidenceVerification): Problem[] {
  const byPath = (a: Problem, b: Problem) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [
    ...result.altered.map((a) => ({ kind: 'altered' as const, path: a.path, expected: a.expected, actual: a.actual })).sort(byPath),
    ...result.missing.map((path) => ({ kind: 'missing' as const, path })).sort(byPath),
    ...result.extra.map((path) => ({ kind: 'extra' as const, path })).sort(byPath),
  ];
}

/**
 * The verdict on a pack: intact (every file matches the manifest, and the manifest the recorded hash
 * when one was given), or what failed — the manifest unreadable or not the recorded one, and each
 * file missing, extra or altered with both hashes.
 */
export function VerifyResult(props: { result: EvidenceVerification }) {
  const { t } = useI18n();
  const r = props.result;
  const problems = problemsOf(r);
  const hashLine = r.manifestSha256 ? (
    <p className="evidence-verify-hash">
      <span>{t('evidence.verify.manifestHash')}</span> <HashText value={r.manifestSha256} />
    </p>
  ) : null;

  if (r.ok) {
    return (
      <div className="alert alert-success evidence-verdict" role="status" data-testid="evidence-verify-ok">
        <div className="alert-body">
          <p>
            <strong>{r.manifestMatches === true ? t('evidence.verify.okRecorded', { checked: r.checked }) : t('evidence.verify.ok', { checked: r.checked })}</strong>
          </p>
          {hashLine}
        </div>
      </div>
    );
  }
  return (
    <div className="alert alert-danger evidence-verdict" role="alert" data-testid="evidence-verify-bad">
      <div className="alert-body">
        <strong className="alert-title">{t('evidence.verify.bad')}</strong>
        {r.manifestProblem ? <p data-testid="evidence-manifest-problem">{t('evidence.verify.manifestProblem', { reason: r.manifestProblem })}</p> : null}
        {r.manifestProblem ? null : <p>{t('evidence.verify.summary', { checked: r.checked, missing: r.missing.length, extra: r.extra.length, altered: r.altered.length })}</p>}
        {r.manifestMatches === false ? <p data-testid="evidence-manifest-mismatch">{t('evidence.verify.manifestMismatch')}</p> : null}
        {r.manifestMatches === true ? <p data-testid="evidence-manifest-match">{t('evidence.verify.manifestMatch')}</p> : null}
        {hashLine}
        {problems.length > 0 ? (
          <ul className="evidence-problems" data-testid="evidence-problems">
            {problems.map((p) => (
              <li key={`${p.kind}:${p.path}`} data-kind={p.kind} data-path={p.path}>
                <span className={`evidence-kind evidence-kind-${p.kind}`}>{t(`evidence.verify.${p.kind}`)}</span>
                <span className="evidence-problem-body">
                  <span className="mono evidence-path">{p.path}</span>
                  <span className="muted evidence-problem-hint">{t(`evidence.verify.${p.kind}Hint`)}</span>
                  {p.kind === 'altered' ? (
                    <dl className="evidence-hashes">
                      <dt>{t('evidence.verify.expected')}</dt>
                      <dd>
                        <HashText value={p.expected ?? ''} />
                      </dd>
                      <dt>{t('evidence.verify.actual')}</dt>
                      <dd>
                        <HashText value={p.actual ?? ''} />
                      </dd>
                    </dl>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
