import { Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bullets, DocxImages, heading, labelled, paragraph, renderDocx, table, title } from './docx.ts';
import { readDocx, zipEntryText } from './testing.ts';

async function sample(): Promise<Buffer> {
  return renderDocx({
    title: '旭区地域福祉保健計画 第4期',
    blocks: [
      title('旭区地域福祉保健計画 第4期'),
      labelled('計画期間', '令和3年度～'),
      heading('基本理念', 1),
      paragraph('地域で支え合い\n安心して自分らしく暮らせるまち', { bold: true }),
      heading('目指す姿1　誰もが、ともに生きるまち', 1),
      heading('代表的な取組例', 2),
      ...bullets(['子育てサロン', '認知症カフェ']),
      table(
        [
          { header: '主な取組', weight: 3 },
          { header: '推進主体', weight: 2 },
        ],
        [['1　自治会町内会への加入促進', '地域振興課\n区社協']],
      ),
      heading('深すぎる見出し', 9),
    ],
  });
}

describe('Word documents', () => {
  it('has the title and real Word headings, in order', async () => {
    const { paragraphs } = readDocx(await sample());
    const headings = paragraphs.filter((p) => p.style && /^(Title|Heading\d)$/.test(p.style));
    expect(headings).toEqual([
      { style: 'Title', text: '旭区地域福祉保健計画 第4期' },
      { style: 'Heading1', text: '基本理念' },
      { style: 'Heading1', text: '目指す姿1　誰もが、ともに生きるまち' },
      { style: 'Heading2', text: '代表的な取組例' },
      { style: 'Heading6', text: '深すぎる見出し' },
    ]);
    expect(paragraphs.map((p) => p.text)).toContain('計画期間：令和3年度～');
    expect(paragraphs.map((p) => p.text)).toContain('地域で支え合い\n安心して自分らしく暮らせるまち');
  });

  it('has real tables with a header row that repeats on each page', async () => {
    const docx = await sample();
    expect(readDocx(docx).tables).toEqual([
      [
        ['主な取組', '推進主体'],
        ['1　自治会町内会への加入促進', '地域振興課\n区社協'],
      ],
    ]);
    expect(zipEntryText(docx, 'word/document.xml')).toContain('<w:tblHeader/>');
  });

  it('is A4, names BIZ UDゴシック (ＭＳ ゴシック where it is missing) for Japanese text and numbers its pages in the footer', async () => {
    const docx = await sample();
    const body = zipEntryText(docx, 'word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toContain('w:eastAsia="BIZ UDゴシック"');
    expect(zipEntryText(docx, 'word/fontTable.xml')).toContain('<w:font w:name="BIZ UDゴシック"><w:altName w:val="ＭＳ ゴシック"/>');
    expect(body).not.toMatch(/<w:drawing|<w:pict/);
    expect(zipEntryText(docx, 'word/styles.xml')).toContain('w:eastAsia="ja-JP"');
    expect(readDocx(docx).footers.join()).toMatch(/PAGE.*NUMPAGES/s);
    expect(zipEntryText(docx, 'docProps/core.xml')).toContain('<dc:title>旭区地域福祉保健計画 第4期</dc:title>');
  });

  it('embeds each image as it is, stored uncompressed, with its size and alternative text', async () => {
    const images = new DocxImages();
    const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#3a7bd5' } }).jpeg().toBuffer();
    const drawing = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#e0a000' } }).png().toBuffer();
    const blocks = [
      new Paragraph({ children: [images.run({ bytes: photo, type: 'jpg', width: 320, height: 240, alt: '会議室で話し合う参加者' })] }),
      new Paragraph({ children: [images.run({ bytes: drawing, type: 'png', width: 100, height: 100, alt: '地図' })] }),
    ];
    const docx = await renderDocx({ title: '写真', blocks, images });
    const media = Object.entries(unzipSync(docx)).filter(([path]) => path.startsWith('word/media/'));
    expect(media.map(([path, bytes]) => [path.split('.').at(-1), Buffer.from(bytes).equals(path.endsWith('.png') ? drawing : photo)])).toEqual([
      ['jpg', true],
      ['png', true],
    ]);
    // Stored, not deflated: the image's own bytes stand in the file.
    expect(docx.includes(photo)).toBe(true);
    const body = zipEntryText(docx, 'word/document.xml');
    expect(body).toContain('descr="会議室で話し合う参加者"');
    expect(body).toContain(`cx="${320 * 9525}" cy="${240 * 9525}"`);
    expect(readDocx(docx).paragraphs).toHaveLength(2);
  });
});
