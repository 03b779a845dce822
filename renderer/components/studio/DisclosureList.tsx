import { useState } from 'react';
import { SURFACES, type Surface } from '../../../shared/disclosures/types.ts';
import { useCreateDisclosure, useDeleteDisclosure, useDisclosureList } from '../../data/disclosure-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EvidencePackButton } from '../evidence/EvidencePackButton.tsx';
import { StatusBadge } from './StatusControl.tsx';

/** Every disclosure of the workspace, with create-from-template per surface and delete. */
export function DisclosureList(props: { onOpen(id: number): void }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const list = useDisclosureList();
  const create = useCreateDisclosure();
  const remove = useDeleteDisclosure();
  const [surface, setSurface] = useState<Surface>('alimtalk');
  const [error, setError] = useState<string | null>(null);
  const rows = list.data ?? [];

  return (
    <section className="st-list">
      <header className="st-list-head">
        <div>
          <h1>{t('disclosures.list.heading')}</h1>
          <p className="muted">{t('disclosures.intro')}</p>
        </div>
        <EvidencePackButton />
        <form
          className="st-new"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              const created = await create.mutateAsync({ surface });
              props.onOpen(created.id);
            } catch (err) {
              setError(err instanceof Error ? err.message : String(err));
            }
          }}
        >
          <label className="st-field">
            <span>{t('disclosures.list.newFrom')}</span>
            <select value={surface} onChange={(e) => setSurface(e.target.value as Surface)} aria-label={t('disclosures.list.surfaceLabel')}>
              {SURFACES.map((s) => (
                <option key={s} value={s}>
                  {t(`disclosures.surface.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="st-primary" disabled={create.isPending}>
            {create.isPending ? t('disclosures.list.creating') : t('disclosures.list.create')}
          </button>
        </form>
      </header>
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
      {list.isLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="st-empty muted">{t('disclosures.list.empty')}</p>
      ) : (
        <table className="st-table">
          <thead>
            <tr>
              <th scope="col">{t('disclosures.list.columns.title')}</th>
              <th scope="col">{t('disclosures.list.columns.surface')}</th>
              <th scope="col">{t('disclosures.list.columns.status')}</th>
              <th scope="col">{t('disclosures.list.columns.checklist')}</th>
              <th scope="col">{t('disclosures.list.columns.updated')}</th>
              <th scope="col">
                <span className="st-sr">{t('disclosures.list.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-id={row.id}>
                <td>
                  <button type="button" className="st-link st-open" onClick={() => props.onOpen(row.id)}>
                    {row.title || t('disclosures.list.untitled')}
                  </button>
                </td>
                <td>{t(`disclosures.surface.${row.surface}`)}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td data-testid="list-checklist" data-missing={row.checklist.missing}>
                  <span className={row.checklist.missing ? 'st-bad' : 'st-good'}>
                    {row.checklist.missing
                      ? t('disclosures.list.missing', { count: formatNumber(row.checklist.missing) })
                      : t('disclosures.list.complete')}
                  </span>
                  {row.checklist.overruled ? (
                    <span className="muted st-list-ruled"> · ⚖ {t('disclosures.list.overruled', { count: formatNumber(row.checklist.overruled) })}</span>
                  ) : null}
                </td>
                <td>{formatDateTime(row.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="st-danger"
                    disabled={row.status === 'published' || remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('disclosures.list.confirmDelete', { title: row.title }))) remove.mutate(row.id);
                    }}
                  >
                    {t('disclosures.list.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
