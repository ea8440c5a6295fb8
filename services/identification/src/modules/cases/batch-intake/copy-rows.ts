import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null | undefined;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Whether a value holds a character COPY text must escape. Four `indexOf` scans: a regular expression's character
 * class took five times as long on a household's kilobyte of facts JSON.
 */
function needsEscape(text: string): boolean {
  return (
    text.indexOf('\\') !== -1 || text.indexOf('\n') !== -1 || text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1
  );
}

/** One value in PostgreSQL's COPY text format: `\N` for null, backslash, newline, CR and tab escaped. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return needsEscape(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]) : text;
}

/** One row as the COPY text stream carries it: tab between columns, newline at the end. */
function copyLine(row: CopyValue[]): string {
  let line = copyText(row[0]);
  for (let i = 1; i < row.length; i++) line += '\t' + copyText(row[i]);
  return line + '\n';
}

/** Receives one row of values; see `copyBuffer`. */
export type RowSink = (values: CopyValue[]) => void;

/**
 * Rows as the COPY text stream carries them (tab between columns, newline after each row), UTF-8 encoded: `fill`
 * hands over the rows one at a time and each is written into the buffer at once, so a chunk's rows are never
 * all held as arrays and strings together. Those would outlive a young-generation collection or two and be copied
 * by each (about 4 KB a household, a fifth of what the collector copied in `bench:screening`).
 */
export function copyBuffer(fill: (row: RowSink) => void): Buffer {
  let buffer = Buffer.allocUnsafe(64 * 1024);
  let used = 0;
  fill((values) => {
    const line = copyLine(values);
    const need = used + 3 * line.length; // UTF-8 takes at most 3 bytes for each UTF-16 unit
    if (need > buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, 2 * buffer.length));
      buffer.copy(bigger, 0, 0, used);
      buffer = bigger;
    }
    used += buffer.write(line, used);
  });
  return buffer.subarray(0, used);
}

/**
 * Appends rows with `COPY ... FROM STDIN` on the connection of the caller's transaction: each value goes
 * through its column's input function only (no statement-wide JSON to parse, no parameter limit), the
 * fastest way into PostgreSQL from Node. Rolls back with the transaction like any INSERT.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  fill: (row: RowSink) => void,
): Promise<void> {
  const text = copyBuffer(fill);
  if (text.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`COPY into ${table} must run inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(text);
  });
}
