import { copyBuffer, copyJsonText, copyPieces, copyText, type CopyValue } from './copy-rows';

describe('COPY text format', () => {
  it('escapes what would otherwise end a value or a row, and marks null', () => {
    expect(copyText('村委\t张三')).toBe('村委\\t张三');
    expect(copyText('C:\\档案\n第二行\r')).toBe('C:\\\\档案\\n第二行\\r');
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText(3)).toBe('3');
  });

  it('escapes each of those characters when it is the only one in a value', () => {
    expect(copyText('甲\\乙')).toBe('甲\\\\乙');
    expect(copyText('甲\n乙')).toBe('甲\\n乙');
    expect(copyText('甲\r乙')).toBe('甲\\r乙');
    expect(copyText('甲\t乙')).toBe('甲\\t乙');
  });

  it('puts a tab between values and a newline after each row', () => {
    expect(
      copyBuffer((row) => {
        row(['a', null, 1]);
        row(['b\tc', 'd', 2]);
      }).toString('utf8'),
    ).toBe('a\t\\N\t1\nb\\tc\td\t2\n');
  });

  it('encodes the same lines as UTF-8, Chinese text included', () => {
    const rows = [
      ['赵铁柱', '{"reasons":["人均纯收入4000.00元低于监测线"]}', 3],
      ['a\\b', null, '𠀀'],
    ];
    const text = '赵铁柱\t{"reasons":["人均纯收入4000.00元低于监测线"]}\t3\na\\\\b\t\\N\t𠀀\n';
    const buffer = copyBuffer((row) => rows.forEach(row));
    expect(buffer.toString('utf8')).toBe(text);
    expect(buffer.length).toBe(Buffer.byteLength(text));
  });

  it('keeps every byte of rows that fill several pieces', () => {
    const name = '欧阳娜娜'.repeat(50);
    const buffer = copyBuffer((row) => {
      for (let i = 0; i < 2_000; i++) row([i, name, 'x'.repeat(i % 97)]);
    });
    const lines = buffer.toString('utf8').split('\n');
    expect(lines).toHaveLength(2_001);
    expect(lines[1_999]).toBe(`1999\t${name}\t${'x'.repeat(1_999 % 97)}`);
    expect(buffer.length).toBeGreaterThan(64 * 1024);
  });

  it('writes JSON text with its backslashes doubled and its escapes kept, so PostgreSQL reads back the same JSON', () => {
    const json = JSON.stringify({ name: '\\*', note: '第一行\n\t第二行', quote: '"' });
    expect(json).not.toMatch(/[\n\r\t]/);
    const written = copyJsonText(json);
    expect(written.replace(/\\\\/g, '\\')).toBe(json);
    expect(written).toBe(copyText(json));
    expect(copyJsonText(null)).toBe('\\N');
  });

  it('writes a JSON column as JSON text and the other columns as text', () => {
    const json = JSON.stringify({ name: '\\*' });
    const buffer = copyBuffer((row) => row(['甲\t乙', json, null]), ['text', 'json', 'text']);
    expect(buffer.toString('utf8')).toBe(`甲\\t乙\t${json.replace(/\\/g, '\\\\')}\t\\N\n`);
  });

  it('writes a plain column as it is, null still as \\N', () => {
    const buffer = copyBuffer((row) => row(['甲\t乙', 'SUSPECTED', 3, null]), ['text', 'plain', 'plain', 'plain']);
    expect(buffer.toString('utf8')).toBe('甲\\t乙\tSUSPECTED\t3\t\\N\n');
  });

  it('sends the same bytes in pieces of whole rows, the first before the last row is made', () => {
    const name = '欧阳娜娜'.repeat(50);
    const fill = (row: (values: CopyValue[]) => void) => {
      for (let i = 0; i < 3_000; i++) row([i, name, 'x'.repeat(i % 97), null]);
    };
    const pieces: Buffer[] = [];
    let rowsWhenFirstSent = -1;
    let rows = 0;
    copyPieces(
      (row) =>
        fill((values) => {
          rows++;
          row(values);
        }),
      ['plain', 'text', 'text', 'plain'],
      (piece) => {
        if (pieces.length === 0) rowsWhenFirstSent = rows;
        pieces.push(piece);
      },
    );
    expect(pieces.length).toBeGreaterThan(1);
    expect(rowsWhenFirstSent).toBeLessThan(3_000);
    expect(pieces.every((piece) => piece[piece.length - 1] === 0x0a)).toBe(true);
    expect(Buffer.concat(pieces).equals(copyBuffer(fill))).toBe(true);
  });
});
