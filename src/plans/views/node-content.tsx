import type { Translate } from '../../kernel/i18n/index.ts';
import { Heading } from '../../kernel/ui/heading.tsx';
import { useContentLang, Ja } from '../../kernel/ui/japanese.tsx';
import { organisationPaths } from '../../organisations/paths.ts';
import { planPaths } from '../paths.ts';
import { nodeLabel, type PlanNode } from '../queries.ts';

type Props = { node: PlanNode; levels: string[]; level: number; municipality: string; t: Translate; linkTitle?: boolean };

export function Owners({ node, municipality, t }: { node: PlanNode; municipality: string; t: Translate }) {
  if (node.owners.length === 0) return null;
  return (
    <div class="owners-line">
      <span class="owners-label">{t('plan.owners')}：</span>
      <ul class="owners" aria-label={t('plan.owners')}>
        {node.owners.map((o) => (
          <li>
            <a href={organisationPaths.one(municipality, o.key)} lang={useContentLang()}>
              {o.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Situation({ node, level, t }: { node: PlanNode; level: number; t: Translate }) {
  if (node.situation.length === 0) return null;
  return (
    <section class="situation">
      <Heading level={level}>{t('plan.situation')}</Heading>
      {node.situation.map((item) => (
        <div>
          <Heading level={level + 1} class="situation__heading">
            <Ja>{item.heading}</Ja>
          </Heading>
          <p class="node__body" lang={useContentLang()}>
            {item.body}
          </p>
        </div>
      ))}
    </section>
  );
}

function Lists({ node, level, t }: { node: PlanNode; level: number; t: Translate }) {
  return (
    <>
      {node.vision ? (
        <section>
          <Heading level={level}>{t('plan.vision')}</Heading>
          <p class="vision" lang={useContentLang()}>
            {node.vision}
          </p>
        </section>
      ) : null}
      {node.keywords.length > 0 ? (
        <section>
          <Heading level={level}>{t('plan.keywords')}</Heading>
          <ul class="keywords" lang={useContentLang()}>
            {node.keywords.map((k) => (
              <li>{k}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {node.examples.length > 0 ? (
        <section>
          <Heading level={level}>{t('plan.examples')}</Heading>
          <ul lang={useContentLang()}>
            {node.examples.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {node.sections.map((section) => (
        <section>
          <Heading level={level}>
            <Ja>{section.title}</Ja>
          </Heading>
          <ul lang={useContentLang()}>
            {section.items.map((item) => (
              <li>
                {item.heading ? <strong>{item.heading}</strong> : null}
                {item.heading && item.body ? <br /> : null}
                <span class="node__body">{item.body}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** What the document says of one plan item itself (description, 現状と課題, vision, keywords, examples, its lists), headings from h{level}. */
export function NodeFields({ node, level, t }: { node: PlanNode; level: number; t: Translate }) {
  return (
    <>
      {node.description ? (
        <p class="node__body" lang={useContentLang()}>
          {node.description}
        </p>
      ) : null}
      <Situation node={node} level={level} t={t} />
      <Lists node={node} level={level} t={t} />
    </>
  );
}

/** One plan item with everything the document says of it, then its children, headings nested in order. */
export function NodeContent({ node, levels, level, municipality, t, linkTitle = true }: Props) {
  const label = nodeLabel(node, levels, node.depth);
  return (
    <article class={`node node--depth-${Math.min(node.depth, 2)}`} id={`node-${node.id}`}>
      <Heading level={level}>
        <Ja>{linkTitle ? <a href={planPaths.node(municipality, node.id)}>{label}</a> : label}</Ja>
      </Heading>
      <Owners node={node} municipality={municipality} t={t} />
      <NodeFields node={node} level={level + 1} t={t} />
      {node.children.map((child) => (
        <NodeContent node={child} levels={levels} level={level + 1} municipality={municipality} t={t} />
      ))}
    </article>
  );
}
