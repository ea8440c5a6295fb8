import { randomFillSync } from 'crypto';

const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;
let lastMs = 0;
let counter = 0;

/**
 * A UUID version 7 (RFC 9562): the Unix time in milliseconds, then a 12-bit counter, then 62 random bits.
 * Ids made one after another sort one after another, so a table's primary key and every foreign key to it take
 * new rows at the right-hand edge of their indexes (the same few pages stay in memory) instead of at random
 * places among all pages, as random (version 4) ids do. Strictly increasing within this process, even when
 * the clock steps back; 74 random bits in all (2^74 ids per millisecond before a collision is likely).
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const at = 16 * next++;
  const hex = pool.toString('hex', at, at + 16);
  const ms = lastMs.toString(16).padStart(12, '0');
  const variant = ((pool[at] & 0x3f) | 0x80).toString(16);
  return (
    `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter.toString(16).padStart(3, '0')}-` +
    `${variant}${hex.slice(2, 4)}-${hex.slice(4, 16)}`
  );
}
