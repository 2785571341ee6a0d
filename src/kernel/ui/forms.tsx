import { createContext, useContext, type Child } from 'hono/jsx';
import type { Locale, Translate } from '../i18n/index.ts';
import { kernelMessages } from '../i18n/messages.ts';
import { formatDate, formatFiscalYear, parseDate, parseTypedFiscalYear } from '../wareki/index.ts';

/**
 * The page's language, given by the Layout to the form parts inside it, so that the few words they add themselves (the
 * hidden 「エラー:」 before a field's problem) need no translator passed through every form.
 */
export const PageLocale = createContext<Locale>('ja');

/** A field's problem, keyed by the field's name so the summary can link to it. */
export type FieldErrors = Record<string, string>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** GOV.UK style: the list of problems first, each a link to its field; focus moves here when the page loads. */
export function ErrorSummary({ t, errors }: { t: Translate; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus>
      <h2 id="error-summary-title">{t('error.summary')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#field-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  /** A string, or words that name Japanese content marked through `withJapanese`. */
  label: Child;
  hint?: Child;
  error?: string | undefined;
  children: Child;
};

/** A run of Japanese words in an interface text (an example typed as in Japanese: 令和7年4月30日, 資料1). */
const japaneseRun = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}0-9・、。（）]*)/u;

/** A hint as it is; on an English page, the Japanese examples it gives are marked lang="ja" (WCAG 3.1.2). */
function HintText({ text }: { text: string }) {
  if (useContext(PageLocale) === 'ja') return <>{text}</>;
  return <>{text.split(japaneseRun).map((part, i) => (i % 2 === 1 ? <span lang="ja">{part}</span> : part))}</>;
}

/** Label, hint and error beside the control; the control gets its id and aria attributes from `controlAttrs`. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`field-${name}`}>{label}</label>
      {hint ? (
        <p class="field__hint" id={`hint-${name}`}>
          {typeof hint === 'string' ? <HintText text={hint} /> : hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}

/** A control's problem in words, under its label; `controlAttrs` points the control's aria-describedby here. */
export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="field__error" id={`error-${name}`}>
      <span class="visually-hidden">{kernelMessages['form.errorPrefix'][useContext(PageLocale)]}</span>
      {error}
    </p>
  );
}

export function controlAttrs(name: string, opts: { hint?: boolean; error?: string | undefined }) {
  const describedBy = [opts.hint ? `hint-${name}` : '', opts.error ? `error-${name}` : ''].filter(Boolean).join(' ');
  return {
    id: `field-${name}`,
    name,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(opts.error ? { 'aria-invalid': 'true' } : {}),
  };
}

export function TextInput(props: { name: string; label: string; value: string; hint?: string; error?: string | undefined; required?: boolean; autocomplete?: string; type?: string }) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <input
        type={props.type ?? 'text'}
        value={props.value}
        {...controlAttrs(props.name, { hint: Boolean(props.hint), error: props.error })}
        {...(props.required ? { required: true } : {})}
        {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
      />
    </Field>
  );
}

/** What a typed date or fiscal year was read as: 令和7年4月30日（2025-04-30）; undefined while it cannot be read. */
function readAs(t: Translate, locale: Locale, kind: 'date' | 'fiscalYear', typed: string): string | undefined {
  if (kind === 'date') {
    const date = parseDate(typed);
    return date.ok ? t('form.readAsDate', { wareki: formatDate(date.value), iso: date.value, date: formatDate(date.value, { locale }) }) : undefined;
  }
  const year = parseTypedFiscalYear(typed);
  return year.ok ? t('form.readAsFiscalYear', { wareki: formatFiscalYear(year.value), western: year.value }) : undefined;
}

/**
 * A date or fiscal year typed as text, in 和暦 or 西暦 (a date picker would drop 令和7年4月30日), and under it what the
 * typed value was read as, also described to the control. `id` names the control when several forms on one page
 * share the field's `name`.
 */
export function WarekiInput(props: { t: Translate; kind: 'date' | 'fiscalYear'; name: string; id?: string; label: string; value: string; hint: string; error?: string | undefined }) {
  const id = props.id ?? props.name;
  const understood = props.value.trim() === '' || props.error ? undefined : readAs(props.t, useContext(PageLocale), props.kind, props.value);
  const attrs = { ...controlAttrs(id, { hint: true, error: props.error }), name: props.name };
  const describedBy = [attrs['aria-describedby'], understood ? `understood-${id}` : undefined].filter(Boolean).join(' ');
  return (
    <Field name={id} label={props.label} hint={props.hint} error={props.error}>
      <input type="text" value={props.value} autocomplete="off" {...attrs} aria-describedby={describedBy} />
      {understood ? (
        <p class="field__understood" id={`understood-${id}`}>
          {understood}
        </p>
      ) : null}
    </Field>
  );
}

/**
 * A choice from a list: [value, text] pairs, the current value selected; a third element 'ja' says the text is Japanese
 * content (a ward's or an organisation's name), marked lang="ja" on an English page.
 */
export function Select(props: { name: string; label: string; value: string; options: [string, string, 'ja'?][]; hint?: string; error?: string | undefined }) {
  const english = useContext(PageLocale) !== 'ja';
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <select {...controlAttrs(props.name, { hint: Boolean(props.hint), error: props.error })}>
        {props.options.map(([value, text, content]) => (
          <option value={value} selected={value === props.value} lang={english ? content : undefined}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** `lang` marks what is written in it as Japanese content (a report's answer) on an English page. */
export function TextArea(props: { name: string; label: Child; value: string; hint?: Child; error?: string | undefined; rows?: number; lang?: 'ja' | undefined }) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <textarea rows={props.rows ?? 4} lang={props.lang} {...controlAttrs(props.name, { hint: Boolean(props.hint), error: props.error })}>
        {props.value}
      </textarea>
    </Field>
  );
}

/** A required file upload with its label and hint (the form around it needs enctype="multipart/form-data"). */
export function FileInput(props: { id: string; hintId: string; name: string; label: string; hint: string; accept: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <p class="field__hint" id={props.hintId}>
        {props.hint}
      </p>
      <input type="file" id={props.id} name={props.name} accept={props.accept} required aria-describedby={props.hintId} />
    </div>
  );
}

/**
 * The buttons under a form: submit (`label`, by default 「保存」) and, with `cancelHref`, a link back that leaves
 * without saving. `look`: `secondary` for a form that only filters, `small` inside a list, `danger` for one that deletes.
 */
export function FormActions({ t, label, cancelHref, look }: { t: Translate; label?: Child; cancelHref?: string; look?: 'secondary' | 'small' | 'danger' }) {
  return (
    <div class="actions">
      <button type="submit" class={look ? `button button--${look}` : 'button'}>
        {label ?? t('admin.save')}
      </button>
      {cancelHref ? <a href={cancelHref}>{t('admin.cancel')}</a> : null}
    </div>
  );
}

/** The buttons under a form with repeated rows: save, add blank rows (`intent=more`, nothing saved yet), cancel. */
export function SaveOrMoreRows({ t, save, more, cancelHref }: { t: Translate; save: string; more: string; cancelHref: string }) {
  return (
    <div class="actions">
      <button type="submit" class="button">
        {save}
      </button>
      <button type="submit" name="intent" value="more" class="button button--secondary">
        {more}
      </button>
      <a href={cancelHref}>{t('admin.cancel')}</a>
    </div>
  );
}

/** A button that switches a yes/no setting (share, publish): it posts the version read and the state to switch to. */
export function SwitchButton(props: { action: string; csrf: string; version: string; field: string; on: boolean; turnOn: string; turnOff: string }) {
  const { on } = props;
  return (
    <PostButton
      action={props.action}
      csrf={props.csrf}
      label={on ? props.turnOff : props.turnOn}
      fields={{ version: props.version, [props.field]: on ? '0' : '1' }}
      className={on ? 'button button--secondary' : 'button'}
    />
  );
}

/** A button that posts a small form: how the tree editor moves things without drag-and-drop or JavaScript. */
export function PostButton(props: { action: string; csrf: string; label: string; fields?: Record<string, string>; className?: string; confirm?: string; ariaLabel?: string }) {
  return (
    <form method="post" action={props.action} class="inline-form" {...(props.confirm ? { 'data-confirm': props.confirm } : {})}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.className ?? 'button button--secondary button--small'} {...(props.ariaLabel ? { 'aria-label': props.ariaLabel } : {})}>
        {props.label}
      </button>
    </form>
  );
}
