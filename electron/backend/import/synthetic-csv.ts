import fs from 'node:fs';

const CATEGORIES = ['purchase', 'order', 'delivery', 'payment', 'reservation', '배송'];
const STATUSES = ['delivered', 'delivered', 'delivered', 'sent', 'failed', 'blocked', 'fallback_sms'];
const NETWORKS = ['cellular', 'wifi', 'unknown'];

/**
 * Writes a synthetic canonical notifications CSV of `rows` rows (for the bench and the kill test):
 * unique event ids, a year of timestamps in send order (as send logs are written, with a little
 * jitter), 100k recipients, 50 senders. Streams with bounded memory.
 */
export async function writeSyntheticCsv(file: string, rows: number, seed = 1): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('event_id,sent_at,recipient_id,sender_id,template_id,category,status,bytes,network\n');
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const start = Date.UTC(2016, 0, 1);
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const at = start + Math.floor(((i + rand() * 20) * 365 * 86_400_000) / rows);
    const t = new Date(at).toISOString().slice(0, 19).replace('T', ' ');
    const bytes = rand() < 0.1 ? '' : String(rand() < 0.2 ? 15360 : 2048);
    chunk.push(
      `ev-${seed}-${i},${t},r${Math.floor(rand() * 100_000)},s${Math.floor(rand() * 50)},t${Math.floor(rand() * 200)},` +
        `${CATEGORIES[Math.floor(rand() * CATEGORIES.length)]},${STATUSES[Math.floor(rand() * STATUSES.length)]},${bytes},` +
        `${NETWORKS[Math.floor(rand() * 3)]}\n`,
    );
    if (chunk.length === 10_000) {
      if (!out.write(chunk.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.join(''));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}
