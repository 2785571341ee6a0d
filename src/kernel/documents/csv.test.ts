import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, quoting only where needed', () => {
    const csv = toCsv([
      ['推進主体', '取組名', '残り日数'],
      ['旭区社会福祉協議会', '通学支援、見守り', 12],
      ['地域ケアプラザ', '「RUN伴」\n二行目', -3],
      ['こども家庭支援課', 'He said "hi"', 0],
    ]);
    expect(csv.startsWith('\uFEFF推進主体,取組名,残り日数\r\n')).toBe(true);
    expect(csv).toContain('旭区社会福祉協議会,通学支援、見守り,12\r\n');
    expect(csv).toContain('地域ケアプラザ,"「RUN伴」\n二行目",-3\r\n');
    expect(csv).toContain('こども家庭支援課,"He said ""hi""",0\r\n');
  });

  it('keeps a typed value from becoming a spreadsheet formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '@sum', '-1', 5]])).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'@sum,\'-1,5\r\n');
  });
});
