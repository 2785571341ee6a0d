import { AlignmentType, PageBreak, Paragraph } from 'docx';
import { bullets, DocxImages, heading, labelled, paragraph, renderDocx, runs, table, title, type DocxBlock } from '../../kernel/documents/docx.ts';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { goalLabel, ownerNames, reportHeading } from '../../reports/queries.ts';
import type { Cover, Handout, HandoutReport, HandoutSection, Photo } from './handout.ts';
import { meetingWhen } from './handout-view.tsx';
import { nodeLabel } from '../../plans/queries.ts';

/** What every part of the document needs: the words, and the images it draws (see DocxImages). */
type Words = { t: Translate; locale: Locale; images: DocxImages };

/** The largest a photo is drawn, in pixels at 96 dpi (Word's unit for images): about half the text width, 4:3. */
const PHOTO_BOX = { width: 320, height: 240 };

const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

/** 資料2, flush right at the top of the page, as offices print it. */
const materialNumber = (number: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(number, true) });

function fitted(photo: Photo) {
  const scale = Math.min(1, PHOTO_BOX.width / photo.width, PHOTO_BOX.height / photo.height);
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) };
}

/** The photo (JPEG or PNG, as the handout holds it) centred, its caption under it. */
function photoBlocks(photo: Photo, images: DocxImages): DocxBlock[] {
  const image = images.run({ bytes: photo.bytes, type: photo.contentType === 'image/png' ? 'png' : 'jpg', ...fitted(photo), alt: photo.alt });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: Boolean(photo.caption), children: [image] }),
    ...(photo.caption ? [new Paragraph({ alignment: AlignmentType.CENTER, children: runs(photo.caption) })] : []),
  ];
}

function coverBlocks(cover: Cover, words: Words): DocxBlock[] {
  const { t } = words;
  const when = meetingWhen(cover, words);
  const agenda = cover.agenda.map((line) => [line.title, line.speaker ?? '', line.materials.join('\n')]);
  return [
    title(cover.title),
    ...(when ? [labelled(t('meeting.when'), when)] : []),
    ...(cover.venue ? [labelled(t('meeting.venue'), cover.venue)] : []),
    heading(t('meeting.agenda'), 1),
    agenda.length > 0
      ? table(
          [
            { header: t('meeting.agenda.item'), weight: 8 },
            { header: t('meeting.agenda.speakerHeading'), weight: 4 },
            { header: t('meeting.agenda.materialsHeading'), weight: 3 },
          ],
          agenda,
        )
      : paragraph(t('meeting.agenda.none')),
    ...(cover.notes ? [paragraph(cover.notes)] : []),
  ];
}

function reportBlocks(section: HandoutSection, goal: string, report: HandoutReport, first: boolean, words: Words): DocxBlock[] {
  const { item, photos } = report;
  const rows = item.round.fields.map((field) => [field.label, item.report.values[field.key] || '—']);
  return [
    pageBreak(),
    materialNumber(section.number),
    ...(first ? [heading(section.title, 1)] : []),
    paragraph(goal, { bold: true }),
    heading(reportHeading(item), 2),
    labelled(words.t('report.owners'), ownerNames(item)),
    table(
      [
        { header: words.t('meeting.handout.field'), weight: 2 },
        { header: words.t('meeting.handout.value'), weight: 5 },
      ],
      rows,
    ),
    ...photos.flatMap((photo) => photoBlocks(photo, words.images)),
  ];
}

function sectionBlocks(section: HandoutSection, words: Words): DocxBlock[] {
  const { t, locale } = words;
  const head = [pageBreak(), materialNumber(section.number), heading(section.title, 1)];
  if (section.kind === 'reports') {
    const pages = section.goals.flatMap((goal) => goal.reports.map((report) => ({ goal: goalLabel(goal), report })));
    if (pages.length === 0) return [...head, paragraph(t('meeting.handout.noReports', { fiscalYear: formatFiscalYear(section.fiscalYear, { locale }) }))];
    return pages.flatMap((page, index) => reportBlocks(section, page.goal, page.report, index === 0, words));
  }
  if (section.kind === 'plan_overview') {
    const { period, tree, plan } = section;
    return [
      ...head,
      paragraph(`${plan.name} 第${period.number}期`),
      ...(period.philosophy ? [heading(t('plan.philosophy'), 2), paragraph(period.philosophy, { bold: true })] : []),
      ...tree.flatMap((goal) => [heading(nodeLabel(goal, period.levels, 0), 2), ...bullets(goal.children.map((target) => nodeLabel(target, period.levels, 1)))]),
    ];
  }
  return [...head, paragraph(section.kind === 'text' ? section.body : section.reason)];
}

/** The handout as an editable Word file: the same content as the PDF, with real headings, tables and photos. */
export async function renderHandoutDocx(handout: Handout, t: Translate, locale: Locale): Promise<Buffer> {
  const words = { t, locale, images: new DocxImages() };
  const blocks = [...coverBlocks(handout.cover, words), ...handout.sections.flatMap((section) => sectionBlocks(section, words))];
  return renderDocx({ title: handout.cover.title, blocks, images: words.images });
}
