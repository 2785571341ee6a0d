import type { Translate } from '../../kernel/i18n/index.ts';
import { ErrorSummary, Select, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja, useContentLang, withJapanese } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { placeText } from '../../municipalities/names.ts';
import type { Ward } from '../../municipalities/queries.ts';
import { PAGE_SIZE, type SearchParams } from '../inputs.ts';
import { searchKinds } from '../kinds.ts';
import { searchPaths } from '../paths.ts';
import type { SearchHit, SearchResult } from '../queries.ts';
import { highlight, snippet, type Segment } from '../text.ts';

type Props = {
  chrome: Chrome;
  /** The words as typed (shown back in the box). */
  typed: string;
  /** The search made, when the parameters were right. */
  search: { params: SearchParams; result: SearchResult } | null;
  errors: FieldErrors;
  wards: Map<string, Ward>;
};

/** Text with the found words in <mark>, as Japanese content. */
function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment) => (segment.mark ? <mark>{segment.text}</mark> : segment.text))}</>;
}

/** The filters, folded unless one is chosen or wrong (no script: a details element). */
function Filters({ chrome, search, wards, open }: { chrome: Chrome; search: NonNullable<Props['search']>; wards: Map<string, Ward>; open: boolean }) {
  const { t, locale } = chrome;
  const { facets } = search.result;
  const { filters } = search.params;
  const all: [string, string] = ['', t('search.filter.all')];
  const counted = (label: string, count: number) => t('search.filter.count', { label, count });
  return (
    <details class="search-filters" open={open}>
      <summary>{t('search.filters')}</summary>
      <fieldset>
        <legend class="visually-hidden">{t('search.filters')}</legend>
        <Select
          name="kind"
          label={t('search.filter.kind')}
          value={filters.kind ?? ''}
          options={[all, ...searchKinds.flatMap((kind): [string, string][] => {
            const found = facets.kinds.find((k) => k.kind === kind);
            return found || filters.kind === kind ? [[kind, counted(t(`search.kind.${kind}`), found?.count ?? 0)]] : [];
          })]}
        />
        <Select
          name="ward"
          label={t('search.filter.ward')}
          value={filters.wardId ?? ''}
          options={[all, ...[...wards.values()].flatMap((ward): [string, string, 'ja'?][] => {
            const found = facets.wards.find((w) => w.wardId === ward.id);
            const name = placeText(chrome, ward);
            return found || filters.wardId === ward.id ? [[ward.id, counted(name, found?.count ?? 0), name === ward.name ? 'ja' : undefined]] : [];
          })]}
        />
        <Select
          name="period"
          label={t('search.filter.period')}
          value={filters.periodId ?? ''}
          options={[all, ...facets.periods.map((p): [string, string, 'ja'] => [p.periodId, counted(p.periodLabel, p.count), 'ja'])]}
        />
        <Select
          name="year"
          label={t('search.filter.year')}
          value={filters.fiscalYear ? String(filters.fiscalYear) : ''}
          options={[all, ...facets.fiscalYears.map((y): [string, string] => [String(y.fiscalYear), counted(formatFiscalYear(y.fiscalYear, { locale }), y.count)])]}
        />
      </fieldset>
    </details>
  );
}

function Hit({ chrome, hit, terms, wards }: { chrome: Chrome; hit: SearchHit; terms: string[]; wards: Map<string, Ward> }) {
  const { t, locale } = chrome;
  const ward = hit.wardId ? wards.get(hit.wardId) : undefined;
  const lang = useContentLang();
  return (
    <li class="search-hit">
      <p class="search-hit__kind">
        <span class="badge">{t(`search.kind.${hit.kind}`)}</span>
        {hit.isPublic ? null : <span class="badge badge--private">{t('search.notPublic')}</span>}
      </p>
      <h3 class="search-hit__title">
        <a href={hit.path} lang={lang}>
          <Marked segments={highlight(hit.title, terms)} />
        </a>
      </h3>
      <p class="search-hit__meta">
        {[
          ward ? <span lang={placeText(chrome, ward) === ward.name ? lang : undefined}>{placeText(chrome, ward)}</span> : null,
          hit.periodLabel ? <Ja>{hit.periodLabel}</Ja> : null,
          hit.fiscalYear ? <span>{formatFiscalYear(hit.fiscalYear, { locale })}</span> : null,
        ]
          .filter(Boolean)
          .map((part, i) => (i === 0 ? part : <> · {part}</>))}
      </p>
      {hit.body ? (
        <p class="search-hit__snippet" lang={lang}>
          <Marked segments={snippet(hit.body, terms)} />
        </p>
      ) : null}
    </li>
  );
}

function Pages({ t, params, total }: { t: Translate; params: SearchParams; total: number }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('search.pages')}>
      {params.page > 1 ? (
        <a href={searchPaths.page({ ...params, page: params.page - 1 })} rel="prev">
          {t('search.previous')}
        </a>
      ) : null}
      <span>{t('search.pageOf', { page: params.page, pages })}</span>
      {params.page < pages ? (
        <a href={searchPaths.page({ ...params, page: params.page + 1 })} rel="next">
          {t('search.next')}
        </a>
      ) : null}
    </nav>
  );
}

function Results({ chrome, search, wards }: { chrome: Chrome; search: NonNullable<Props['search']>; wards: Map<string, Ward> }) {
  const { t } = chrome;
  const { params, result } = search;
  const from = (params.page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="search-results-title">
      <h2 id="search-results-title">{withJapanese((query) => t('search.results', { query }), params.query)}</h2>
      {result.hits.length === 0 ? (
        <p>{t('search.none')}</p>
      ) : (
        <>
          <p>{t('search.total', { total: result.total, from, to: from + result.hits.length - 1 })}</p>
          <ol class="search-results" start={from}>
            {result.hits.map((hit) => (
              <Hit chrome={chrome} hit={hit} terms={params.terms} wards={wards} />
            ))}
          </ol>
        </>
      )}
      <Pages t={t} params={params} total={result.total} />
    </section>
  );
}

/** /search: the box, the filters (GET parameters, no script), a page of results with the words marked. */
export function SearchPage({ chrome, typed, search, errors, wards }: Props) {
  const { t } = chrome;
  const filtered = search && Object.keys(search.params.filters).length > 0;
  return (
    <Layout chrome={chrome} title={search ? t('search.results', { query: search.params.query }) : t('search.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('search.title') }]}>
      <h1>{t('search.title')}</h1>
      <p>{t('search.lead')}</p>
      {chrome.user ? <p>{t('search.staffLead')}</p> : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action={searchPaths.page()} role="search" class="search-form">
        <TextInput name="q" label={t('search.query')} value={typed} type="search" error={errors['q']} />
        {search ? <Filters chrome={chrome} search={search} wards={wards} open={Boolean(filtered) || Object.keys(errors).some((name) => name !== 'q')} /> : null}
        <div class="actions">
          <button type="submit" class="button">
            {t('search.submit')}
          </button>
          {filtered ? <a href={searchPaths.page({ query: search.params.query })}>{t('search.clear')}</a> : null}
        </div>
      </form>
      {search ? <Results chrome={chrome} search={search} wards={wards} /> : null}
    </Layout>
  );
}
