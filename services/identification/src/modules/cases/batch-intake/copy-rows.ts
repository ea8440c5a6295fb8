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

/**
 * A JSON text made by `JSON.stringify` in COPY's text format. Such text never holds a raw newline, CR or tab (it
 * writes every control character as an escape), so only its backslashes need doubling: one scan of a household's
 * kilobyte of facts instead of four.
 */
export function copyJsonText(json: string | null | undefined): string {
  if (json === null || json === undefined) return '\\N';
  return json.indexOf('\\') === -1 ? json : json.replace(/\\/g, '\\\\');
}

/**
 * How a column's values are written: `text` escaped as `copyText` does, `json` as `copyJsonText`, `plain` as they
 * are (see `CopyColumn`).
 */
export type CopyKind = 'text' | 'json' | 'plain';

/** One row as the COPY text stream carries it: tab between columns, newline at the end. */
function copyLine(row: CopyValue[], kinds: readonly CopyKind[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    const kind = kinds[i];
    const text =
      value === null || value === undefined
        ? '\\N'
        : kind === 'plain'
          ? String(value)
          : kind === 'json' && typeof value === 'string'
            ? copyJsonText(value)
            : copyText(value);
    line += i === 0 ? text : '\t' + text;
  }
  return line + '\n';
}

/** Receives one row of values; see `copyPieces`. */
export type RowSink = (values: CopyValue[]) => void;

/** All the rows of `copyPieces` in one buffer. */
export function copyBuffer(fill: (row: RowSink) => void, kinds: readonly CopyKind[] = []): Buffer {
  const pieces: Buffer[] = [];
  copyPieces(fill, kinds, (piece) => pieces.push(piece));
  return Buffer.concat(pieces);
}

/**
 * A table's columns for `copyRows`, in the order of each row's values. `{ json }` names a column whose values are
 * `JSON.stringify` output; `{ plain }` one whose values can never hold a backslash, tab, newline or CR (numbers,
 * UUIDs, hex, vocabulary values, dates and codes checked against their patterns), written without the scan for
 * them; a bare name is free text, escaped.
 */
export type CopyColumn = string | { json: string } | { plain: string };

function columnName(column: CopyColumn): string {
  return typeof column === 'string' ? column : 'json' in column ? column.json : column.plain;
}

function columnKind(column: CopyColumn): CopyKind {
  return typeof column === 'string' ? 'text' : 'json' in column ? 'json' : 'plain';
}

/** COPY data goes to PostgreSQL in pieces of about this size as the rows are made. */
const PIECE_BYTES = 256 * 1024;

/**
 * Rows as the COPY text stream carries them (tab between columns, newline after each row), UTF-8 encoded, handed
 * to `send` a piece at a time (each a fresh buffer of whole rows), so the first rows are on their way while the
 * later ones are made. `fill` hands over the rows one at a time and each is written into the piece at once, so a
 * chunk's rows are never all held as arrays and strings together: those would outlive a young-generation
 * collection or two and be copied by each (about 4 KB a household, a fifth of what the collector copied in
 * `bench:screening`).
 */
export function copyPieces(fill: (row: RowSink) => void, kinds: readonly CopyKind[], send: (piece: Buffer) => void) {
  let buffer = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  fill((values) => {
    const line = copyLine(values, kinds);
    const need = 3 * line.length; // UTF-8 takes at most 3 bytes for each UTF-16 unit
    if (used + need > buffer.length) {
      if (used > 0) send(buffer.subarray(0, used));
      buffer = Buffer.allocUnsafe(Math.max(need, PIECE_BYTES));
      used = 0;
    }
    used += buffer.write(line, used);
  });
  if (used > 0) send(buffer.subarray(0, used));
}

/**
 * Appends rows with `COPY ... FROM STDIN` on the connection of the caller's transaction: each value goes
 * through its column's input function only (no statement-wide JSON to parse, no parameter limit), the
 * fastest way into PostgreSQL from Node. Rolls back with the transaction like any INSERT. The rows are made once
 * PostgreSQL has started the COPY and sent as they are made (`copyPieces`): it reads the first rows while this
 * thread makes the rest. `rows` of 0 sends nothing.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly CopyColumn[],
  rows: number,
  fill: (row: RowSink) => void,
): Promise<void> {
  if (rows === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`COPY into ${table} must run inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map(columnName).join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  finished.catch(() => undefined); // awaited below
  await Promise.race([started(stream), finished]);
  try {
    copyPieces(fill, columns.map(columnKind), (piece) => stream.write(piece));
  } catch (error) {
    // A row that could not be made: PostgreSQL is told the COPY failed (CopyFail), the connection takes statements
    // again, and the caller's transaction rolls back with none of these rows.
    stream.destroy(error as Error);
    await finished.catch(() => undefined);
    throw error;
  }
  stream.end();
  await finished;
}

/** Resolves when PostgreSQL has answered the COPY statement and takes data (pg-copy-streams' CopyInResponse). */
function started(stream: object): Promise<void> {
  const copy = stream as { handleCopyInResponse(connection: unknown): void };
  const handle = copy.handleCopyInResponse.bind(copy);
  return new Promise<void>((resolve) => {
    copy.handleCopyInResponse = (connection) => {
      handle(connection);
      resolve();
    };
  });
}
