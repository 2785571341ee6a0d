import { contentLangOf, Ja, japanese, useContentLang } from '../../kernel/ui/japanese.tsx';
import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, TextArea, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import type { Organisation } from '../../organisations/queries.ts';
import type { NodeFields } from '../inputs.ts';
import { planPaths } from '../paths.ts';
import { nodeLabel, periodTitle, type NodeInContext } from '../queries.ts';
import type { NodeSection, SituationItem } from '../schema.ts';

/** What the form shows: the saved node, or what the user typed when it comes back with errors or a conflict. */
export type NodeFormValues = NodeFields & { version: number; ownerIds: string[] };

export type Conflict = { values: NodeFormValues; who: string; when: string };

export function valuesOfNode(context: NodeInContext): NodeFormValues {
  const n = context.node;
  return {
    version: n.version,
    code: n.code,
    title: n.title,
    description: n.description,
    vision: n.vision,
    keywords: n.keywords,
    examples: n.examples,
    situation: n.situation,
    sections: n.sections,
    ownerIds: n.owners.map((o) => o.id),
  };
}

function SituationFields({ t, items }: { t: Translate; items: SituationItem[] }) {
  const rows = [...items, { heading: '', body: '' }];
  return (
    <fieldset id="field-situation">
      <legend>{t('field.situation')}</legend>
      {rows.map((item, i) => (
        <div class="repeat">
          <label for={`situation-${i}-heading`}>{t('field.situationHeading', { n: i + 1 })}</label>
          <input type="text" id={`situation-${i}-heading`} name={`situation[${i}][heading]`} value={item.heading} />
          <label for={`situation-${i}-body`}>{t('field.situationBody', { n: i + 1 })}</label>
          <textarea lang={useContentLang()} id={`situation-${i}-body`} name={`situation[${i}][body]`} rows={4}>
            {item.body}
          </textarea>
        </div>
      ))}
    </fieldset>
  );
}

function SectionFields({ t, sections }: { t: Translate; sections: NodeSection[] }) {
  const rows = [...sections, { title: '', items: [] }];
  return (
    <fieldset id="field-sections">
      <legend>{t('field.sections')}</legend>
      {rows.map((section, s) => (
        <fieldset>
          <legend>{t('field.section', { n: s + 1 })}</legend>
          <label for={`sections-${s}-title`}>{t('field.sectionTitle')}</label>
          <input type="text" id={`sections-${s}-title`} name={`sections[${s}][title]`} value={section.title} />
          {[...section.items, { heading: '', body: '' }].map((item, i) => (
            <div class="repeat">
              <label for={`sections-${s}-${i}-heading`}>{t('field.sectionItemHeading', { n: i + 1 })}</label>
              <input type="text" id={`sections-${s}-${i}-heading`} name={`sections[${s}][items][${i}][heading]`} value={item.heading ?? ''} />
              <label for={`sections-${s}-${i}-body`}>{t('field.sectionItemBody', { n: i + 1 })}</label>
              <textarea lang={useContentLang()} id={`sections-${s}-${i}-body`} name={`sections[${s}][items][${i}][body]`} rows={2}>
                {item.body}
              </textarea>
            </div>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

function OwnerFields({ t, organisations, selected }: { t: Translate; organisations: Organisation[]; selected: string[] }) {
  const chosen = new Set(selected);
  return (
    <fieldset id="field-ownerIds">
      <legend>{t('field.owners')}</legend>
      <ul class="checkboxes">
        {organisations.map((o) => (
          <li>
            <input type="checkbox" id={`owner-${o.id}`} name="ownerIds" value={o.id} checked={chosen.has(o.id)} />{' '}
            <label for={`owner-${o.id}`}>
              <Ja>{o.name}</Ja>
              <span class="muted">（{t(`org.kind.${o.kind}`)}）</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function conflictRows(t: Translate, v: NodeFormValues, organisations: Organisation[]): [string, string][] {
  const name = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  return [
    [t('field.code'), v.code],
    [t('field.title'), v.title],
    [t('field.description'), v.description ?? ''],
    [t('field.situation'), v.situation.map((s) => `■ ${s.heading}\n${s.body}`).join('\n')],
    [t('field.vision'), v.vision ?? ''],
    [t('plan.keywords'), v.keywords.join('\n')],
    [t('plan.examples'), v.examples.join('\n')],
    [t('field.owners'), v.ownerIds.map(name).join('、')],
  ];
}

type Props = {
  chrome: Chrome;
  m: string;
  context: NodeInContext;
  organisations: Organisation[];
  values: NodeFormValues;
  errors: FieldErrors;
  conflict?: Conflict | null;
};

/** Admin › the plan period's editor › this item (› what follows). */
export function nodeCrumbs(chrome: Chrome, m: string, context: NodeInContext, ...tail: Crumb[]): Crumb[] {
  const { plan, period, node } = context;
  return [
    { label: chrome.t('nav.admin'), href: '/admin' },
    { label: japanese(plan.name, ` ${periodTitle(period, chrome.locale)}`), href: planPaths.adminPeriod(m, plan.key, period.number) },
    { label: japanese(nodeLabel(node, period.levels, node.depth)), ...(tail.length > 0 ? { href: planPaths.adminNodeEdit(m, node.id) } : {}) },
    ...tail,
  ];
}

export function NodeFormPage({ chrome, m, context, organisations, values, errors, conflict }: Props) {
  const { t } = chrome;
  const { plan, period, node } = context;
  const label = nodeLabel(node, period.levels, node.depth);
  const lang = contentLangOf(chrome.locale);
  return (
    <Layout
      chrome={chrome}
      title={`${t('admin.editNode')}: ${label}`}
      crumbs={nodeCrumbs(chrome, m, context)}
    >
      <h1>
        {t('admin.editNode')}：<Ja>{label}</Ja>
      </h1>
      <p class="muted">
        <Ja>{period.levels[node.depth] ?? ''}</Ja>
      </p>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflictRows(t, conflict.values, organisations)} savedBy={conflict} /> : null}
      <form method="post" action={planPaths.adminNode(m, node.id)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(values.version)} />
        <TextInput name="code" label={t('field.code')} value={values.code} error={errors['code']} />
        <TextInput name="title" label={t('field.title')} value={values.title} error={errors['title']} />
        <TextArea lang={lang} name="description" label={t('field.description')} value={values.description ?? ''} error={errors['description']} rows={4} />
        <OwnerFields t={t} organisations={organisations} selected={values.ownerIds} />
        <SituationFields t={t} items={values.situation} />
        <TextArea lang={lang} name="vision" label={t('field.vision')} value={values.vision ?? ''} error={errors['vision']} rows={3} />
        <TextArea lang={lang} name="keywords" label={t('field.keywords')} value={values.keywords.join('\n')} error={errors['keywords']} rows={3} />
        <TextArea lang={lang} name="examples" label={t('field.examples')} value={values.examples.join('\n')} error={errors['examples']} rows={4} />
        <SectionFields t={t} sections={values.sections} />
        <div class="actions">
          <button type="submit" class="button">
            {t('admin.save')}
          </button>
          <a href={planPaths.adminPeriod(m, plan.key, period.number)}>{t('admin.cancel')}</a>
          <a href={planPaths.adminNodeHistory(m, node.id)}>{t('admin.history')}</a>
        </div>
      </form>
    </Layout>
  );
}
