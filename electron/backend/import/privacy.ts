import { createHmac, randomBytes } from 'node:crypto';
import type { PrivacyOptions } from '../../../shared/contract/imports.ts';
import type { Db } from '../db/connection.ts';
import { getMeta, setMeta } from '../db/meta-repo.ts';
import type { RowPrivacy } from './validate.ts';

const OPTIONS_KEY = 'importPrivacy';
const KEY_KEY = 'pseudonymKey';

/** The workspace's privacy options (both off by default). */
export function getPrivacyOptions(db: Db): PrivacyOptions {
  return getMeta<PrivacyOptions>(db, OPTIONS_KEY, { pseudonymiseRecipients: false, stripUrlQuery: false });
}

/** Saves the privacy options; the first time pseudonymising is on, a random key is made and kept. */
export function setPrivacyOptions(db: Db, options: PrivacyOptions): PrivacyOptions {
  if (options.pseudonymiseRecipients) pseudonymKey(db);
  setMeta(db, OPTIONS_KEY, options);
  return options;
}

/** The workspace's random HMAC key (created when missing). */
function pseudonymKey(db: Db): string {
  let key = getMeta<string | null>(db, KEY_KEY, null);
  if (!key) {
    key = randomBytes(32).toString('hex');
    setMeta(db, KEY_KEY, key);
  }
  return key;
}

/** A keyed pseudonym: `p:` + the first 128 bits of HMAC-SHA256(key, id), base64url. */
export function pseudonymiser(key: string): (id: string) => string {
  const secret = Buffer.from(key, 'hex');
  const cache = new Map<string, string>();
  return (id) => {
    let p = cache.get(id);
    if (p === undefined) {
      p = 'p:' + createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22);
      if (cache.size >= 50_000) cache.clear();
      cache.set(id, p);
    }
    return p;
  };
}

/** The privacy rules rows of the next import follow. */
export function rowPrivacy(db: Db): RowPrivacy {
  const options = getPrivacyOptions(db);
  return {
    pseudonymise: options.pseudonymiseRecipients ? pseudonymiser(pseudonymKey(db)) : null,
    stripUrlQuery: options.stripUrlQuery,
  };
}
