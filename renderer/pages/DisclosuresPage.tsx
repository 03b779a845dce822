import { useState } from 'react';
import { DisclosureList } from '../components/studio/DisclosureList.tsx';
import { Studio } from '../components/studio/Studio.tsx';
import { useDisclosure } from '../data/disclosure-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Loads one disclosure afresh (the editor takes its text once, when it mounts) and opens the studio. */
function OpenDisclosure(props: { id: number; onBack(): void }) {
  const { t } = useI18n();
  const open = useDisclosure(props.id);
  if (!open.data || !open.isFetchedAfterMount) {
    return (
      <p className="muted" role="status">
        {open.isError ? String(open.error) : t('common.loading')}
      </p>
    );
  }
  return <Studio disclosure={open.data} onBack={props.onBack} />;
}

/** Disclosures: the list of notices, and the studio for the one being written. */
export function DisclosuresPage() {
  const [openId, setOpenId] = useState<number | null>(null);
  if (openId === null) return <DisclosureList onOpen={setOpenId} />;
  return <OpenDisclosure key={openId} id={openId} onBack={() => setOpenId(null)} />;
}
