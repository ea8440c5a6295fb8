import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in PostgreSQL's COPY text format: `\N` for null, backslash, newline, CR and tab escaped. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]) : text;
}

/** One row as the COPY text stream carries it: tab between columns, newline at the end. */
function copyLine(row: CopyValue[]): string {
  let line = copyText(row[0]);
  for (let i = 1; i < row.length; i++) line += '\t' + copyText(row[i]);
  return line + '\n';
}

/**
 * Rows as the COPY text stream carries them (tab between columns, newline after each row), UTF-8 encoded: each
 * line written straight into one buffer, rather than joining a chunk's lines into one string (mostly two-byte,
 * for the Chinese in it) and encoding that: about half the time.
 */
export function copyBuffer(rows: CopyValue[][]): Buffer {
  const lines = rows.map(copyLine);
  let bound = 0;
  for (const line of lines) bound += line.length;
  const buffer = Buffer.allocUnsafe(3 * bound); // UTF-8 takes at most 3 bytes for each UTF-16 unit
  let used = 0;
  for (const line of lines) used += buffer.write(line, used);
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
  rows: CopyValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`COPY into ${table} must run inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(copyBuffer(rows));
  });
}
