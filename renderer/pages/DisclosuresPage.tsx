import { useState } from 'react';
import { DisclosureList } from '../components/studio/DisclosureList.tsx';
import { Studio } from '../components/studio/Studio.tsx';
import { useDisclosure } from '../data/disclosure-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Disclosures: the list of notices, and the studio for the one being written. */
export function DisclosuresPage() {
  const { t } = useI18n();
  const [openId, setOpenId] = useState<number | null>(null);
  const open = useDisclosure(openId);
  if (openId === null) return <DisclosureList onOpen={setOpenId} />;
  // Wait for a fresh copy: the editor takes its text once, when it mounts.
  if (!open.data || !open.isFetchedAfterMount) {
    return (
      <p className="muted" role="status">
        {open.isError ? String(open.error) : t('common.loading')}
      </p>
    );
  }
  return <Studio key={open.data.id} disclosure={open.data} onBack={() => setOpenId(null)} />;
}
