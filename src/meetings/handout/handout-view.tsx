import { readFileSync } from 'node:fs';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import { goalLabel, ownerNames, reportHeading } from '../../reports/queries.ts';
import { ReportTable } from '../../reports/views/parts.tsx';
import type { Cover, Handout, HandoutReport, HandoutSection, Photo } from './handout.ts';
import { nodeLabel } from '../../plans/queries.ts';

/** The handout's own rules, served as a stylesheet to the web page and inlined into the printed one. */
export const handoutCss = readFileSync(new URL('./handout.css', import.meta.url), 'utf8');

type Words = { t: Translate; locale: Locale };

/** 10:00 → 10時, 10:30 → 10時30分 (en: 10:00). */
function clock(time: string, locale: Locale): string {
  if (locale === 'en') return time;
  const [hours, minutes] = time.split(':').map(Number);
  return minutes ? `${hours}時${minutes}分` : `${hours}時`;
}

/** 令和6年5月24日（金） 10時から12時まで: the 日時 line of the cover. */
export function meetingWhen(cover: Pick<Cover, 'date' | 'startTime' | 'endTime'>, { t, locale }: Words): string {
  if (!cover.date) return '';
  const date = formatDate(cover.date, { locale, weekday: true });
  const { startTime, endTime } = cover;
  if (startTime && endTime) return `${date} ${t('meeting.time.span', { start: clock(startTime, locale), end: clock(endTime, locale) })}`;
  if (startTime) return `${date} ${t('meeting.time.from', { start: clock(startTime, locale) })}`;
  return date;
}

/** Where the handout's markup finds a photo: the app's photo URL on the web page, the printer's on paper. */
export type PhotoUrl = (photo: Photo) => string;

export function CoverPage({ cover, words }: { cover: Cover; words: Words }) {
  const { t } = words;
  const when = meetingWhen(cover, words);
  return (
    <section class="handout-cover" aria-labelledby="handout-title">
      <h1 id="handout-title">{cover.title}</h1>
      <dl class="meta">
        {when ? (
          <>
            <dt>{t('meeting.when')}</dt>
            <dd>{when}</dd>
          </>
        ) : null}
        {cover.venue ? (
          <>
            <dt>{t('meeting.venue')}</dt>
            <dd>{cover.venue}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('meeting.agenda')}</h2>
      {cover.agenda.length === 0 ? <p>{t('meeting.agenda.none')}</p> : null}
      <ol class="handout-agenda">
        {cover.agenda.map((line) => (
          <li>
            <span class="node__body">{line.title}</span>
            {line.speaker ? `　${line.speaker}` : ''}
            {line.materials.length > 0 ? <span class="agenda-materials">{line.materials.join('　')}</span> : null}
          </li>
        ))}
      </ol>
      {cover.notes ? <p class="node__body">{cover.notes}</p> : null}
    </section>
  );
}

function Photos({ photos, photoUrl }: { photos: Photo[]; photoUrl: PhotoUrl }) {
  if (photos.length === 0) return null;
  return (
    <div class="handout-photos">
      {photos.map((photo) => (
        <figure>
          <img src={photoUrl(photo)} alt={photo.alt} width={String(photo.width)} height={String(photo.height)} />
          {photo.caption ? <figcaption>{photo.caption}</figcaption> : null}
        </figure>
      ))}
    </div>
  );
}

type ReportPageProps = { section: HandoutSection; goal: string; report: HandoutReport; first: boolean; words: Words; photoUrl: PhotoUrl };

function ReportPage({ section, goal, report, first, words, photoUrl }: ReportPageProps) {
  const { item, photos } = report;
  return (
    <article class="handout-page">
      <p class="material-number">{section.number}</p>
      {first ? <h2>{section.title}</h2> : null}
      <p class="handout-goal">{goal}</p>
      <h3>{reportHeading(item)}</h3>
      <p class="handout-owners">
        {words.t('report.owners')}：{ownerNames(item)}
      </p>
      <ReportTable fields={item.round.fields} values={item.report.values} caption={reportHeading(item)} />
      <Photos photos={photos} photoUrl={photoUrl} />
    </article>
  );
}

function SectionPages({ section, words, photoUrl }: { section: HandoutSection; words: Words; photoUrl: PhotoUrl }) {
  const { t, locale } = words;
  const head = (
    <>
      <p class="material-number">{section.number}</p>
      <h2>{section.title}</h2>
    </>
  );
  if (section.kind === 'reports') {
    const pages = section.goals.flatMap((goal) => goal.reports.map((report) => ({ goal: goalLabel(goal), report })));
    if (pages.length === 0) {
      return (
        <section class="handout-page">
          {head}
          <p>{t('meeting.handout.noReports', { fiscalYear: formatFiscalYear(section.fiscalYear, { locale }) })}</p>
        </section>
      );
    }
    return <>{pages.map((page, index) => <ReportPage section={section} goal={page.goal} report={page.report} first={index === 0} words={words} photoUrl={photoUrl} />)}</>;
  }
  if (section.kind === 'plan_overview') {
    const { period, tree, plan } = section;
    return (
      <section class="handout-page handout-overview">
        {head}
        <p class="muted">
          {plan.name} 第{period.number}期
        </p>
        {period.philosophy ? (
          <>
            <h3>{t('plan.philosophy')}</h3>
            <p class="philosophy">{period.philosophy}</p>
          </>
        ) : null}
        {tree.map((goal) => (
          <>
            <h3>{nodeLabel(goal, period.levels, 0)}</h3>
            {goal.children.length > 0 ? (
              <ul class="goal-targets">
                {goal.children.map((target) => (
                  <li>{nodeLabel(target, period.levels, 1)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ))}
      </section>
    );
  }
  return (
    <section class="handout-page">
      {head}
      <p class="handout-text">{section.kind === 'text' ? section.body : section.reason}</p>
    </section>
  );
}

/** The whole handout: the cover, then every material. The same markup is the web page and the printed PDF. */
export function HandoutBody({ handout, words, photoUrl }: { handout: Handout; words: Words; photoUrl: PhotoUrl }) {
  return (
    <>
      <CoverPage cover={handout.cover} words={words} />
      {handout.sections.map((section) => (
        <SectionPages section={section} words={words} photoUrl={photoUrl} />
      ))}
    </>
  );
}
