/// <reference lib="dom" />
/**
 * Page objects: what a person sees and does on each kind of page, so tests read as the user's steps.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { checkAccessibility, newPage } from './harness.ts';

/** Headings in document order, as [level, text]. */
export async function headings(page: Page): Promise<[number, string][]> {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (elements) =>
    elements.map((el) => [Number(el.tagName.slice(1)), (el.textContent ?? '').trim()] as [number, string]),
  );
}

/** The first heading is the one h1, and no heading skips a level on the way down. */
export function outlineProblems(list: [number, string][]): string[] {
  const problems: string[] = [];
  if (list[0]?.[0] !== 1) problems.push(`first heading is h${list[0]?.[0]}: ${list[0]?.[1]}`);
  if (list.filter(([level]) => level === 1).length !== 1) problems.push('not exactly one h1');
  list.forEach(([level, text], i) => {
    const previous = list[i - 1];
    if (previous && level > previous[0] + 1) problems.push(`h${previous[0]} → h${level}: ${text}`);
  });
  return problems;
}

/** Every page visited passes axe-core (WCAG 2.1 AA) and keeps its headings in order (soft: the walk goes on). */
export async function expectAccessible(page: Page) {
  const where = new URL(page.url()).pathname;
  expect.soft(await checkAccessibility(page), where).toEqual([]);
  expect.soft(outlineProblems(await headings(page)), where).toEqual([]);
}

/**
 * What makes the page hard to read on a narrow screen: the page wider than the screen, a box that scrolls sideways
 * without being a labelled region a keyboard can reach, a table cell squeezed narrower than 12 characters (outside such
 * a region), a status tag broken over two lines. Each problem names the element and what it measured. On a desktop
 * (`{ cellsMayWrap: true }`) a cell of a wide table may take two lines: only the rest is a problem there.
 */
export async function phoneLayoutProblems(page: Page, { cellsMayWrap = false } = {}): Promise<string[]> {
  return page.evaluate((minCellEm) => {
    const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const labelledRegion = '[role="region"][tabindex="0"]:is([aria-labelledby], [aria-label])';
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide on a ${root.clientWidth} px screen`);
    for (const el of all('body *')) {
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth;
      if (scrolls && !el.closest(labelledRegion)) problems.push(`${name(el)} scrolls sideways but is not a labelled region a keyboard reaches`);
    }
    // (A cell 1 px wide or less is hidden for the eye only, as a card table's column headings are.)
    for (const cell of all('td, th').filter((cell) => cell.getBoundingClientRect().width > 1)) {
      const width = cell.getBoundingClientRect().width / parseFloat(getComputedStyle(cell).fontSize);
      if ((cell.textContent ?? '').trim().length > minCellEm && width < minCellEm && !cell.closest(labelledRegion)) problems.push(`${name(cell)} is squeezed to ${width.toFixed(1)} em`);
    }
    for (const tag of all('.status')) {
      const lines = Math.max(tag.getClientRects().length, Math.round(tag.getBoundingClientRect().height / parseFloat(getComputedStyle(tag).lineHeight)));
      if (lines > 1) problems.push(`${name(tag)} breaks over ${lines} lines`);
    }
    return problems;
  }, cellsMayWrap ? 0 : 12);
}

/** An iPhone 12 to 15, the narrowest screen still in use (iPhone SE, first generation), and a tablet upright. */
export const narrowScreens = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
  { width: 768, height: 1024 },
];

/** The page as it is, read on each narrow screen: no problem of phoneLayoutProblems (soft); then back at its size. */
export async function expectReadableOnNarrowScreens(page: Page) {
  const size = page.viewportSize();
  for (const screen of narrowScreens) {
    await page.setViewportSize(screen);
    expect.soft(await phoneLayoutProblems(page), `${new URL(page.url()).pathname} at ${screen.width} px`).toEqual([]);
  }
  if (size) await page.setViewportSize(size);
}

/** A page without JavaScript, signed in by keyboard as one of the demo accounts. */
export async function signedInWithoutJs(browser: Browser, serverUrl: string, login: string): Promise<Page> {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await new LoginPage(page).open(serverUrl);
  await new LoginPage(page).signInByKeyboard(login);
  return page;
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(base: string) {
    await this.page.goto(`${base}/login`);
  }

  /** Signs in with the keyboard only: Tab to each field, type, Enter. */
  async signInByKeyboard(login: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('ログインID').focus();
    await this.page.keyboard.type(login);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await Promise.all([this.page.waitForURL((url) => url.pathname !== '/login'), this.page.keyboard.press('Enter')]);
  }
}

export class TreeEditorPage {
  constructor(private readonly page: Page) {}

  async open(base: string, plan: string, period: number) {
    await this.page.goto(`${base}/admin/m/yokohama/plans/${plan}/periods/${period}`);
  }

  /** The item labels of one level, in order (top level by default). */
  async topLevelLabels(): Promise<string[]> {
    return this.page.$$eval('ol.tree > li > .tree__row .tree__label > a', (links) => links.map((a) => (a.textContent ?? '').trim()));
  }

  async childLabels(parentLabel: string): Promise<string[]> {
    const item = this.page.locator('li.tree__item', { has: this.page.locator(':scope > .tree__row a', { hasText: parentLabel }) }).first();
    return item.locator(':scope > ol > li > .tree__row .tree__label > a').allTextContents();
  }

  /** Presses a row's button (e.g. 上へ) by focusing it and pressing Enter, as a keyboard user would. */
  async pressButton(itemLabel: string, button: string) {
    const target = this.page.getByRole('button', { name: `${itemLabel}を${button}` });
    await target.focus();
    await Promise.all([this.page.waitForEvent('load'), target.press('Enter')]);
  }

  async notice(): Promise<string> {
    return (await this.page.locator('.notice').textContent()) ?? '';
  }
}

/** Follows a link or presses a button and waits for the page it leads to. */
async function go(page: Page, action: () => Promise<void>) {
  await Promise.all([page.waitForEvent('load'), action()]);
}

/** The secretariat's form that opens a reporting round. */
export class OpenRoundForm {
  constructor(private readonly page: Page) {}

  async fill(round: { title: string; fiscalYear: string; deadline: string }) {
    await this.page.getByLabel('回の名前').fill(round.title);
    await this.page.getByLabel('報告する年度').fill(round.fiscalYear);
    await this.page.getByLabel('提出期限').fill(round.deadline);
  }

  /** One row: the plan item (as the list shows it), the initiative's name and the bodies that report. */
  async row(index: number, row: { item: string; title: string; owners: string[] }) {
    const fieldset = this.page.locator('fieldset.repeat').nth(index);
    await fieldset.getByLabel('計画の項目').selectOption({ label: row.item });
    await fieldset.getByLabel('取組名（空欄なら項目の名称）').fill(row.title);
    for (const owner of row.owners) await fieldset.getByLabel(owner, { exact: true }).check();
  }

  async open() {
    await go(this.page, () => this.page.getByRole('button', { name: '回を始める' }).click());
  }

  /** The same rows, added to a round already open. */
  async add() {
    await go(this.page, () => this.page.getByRole('button', { name: '取組を追加する' }).click());
  }
}

/** The round page's bulk review: reports ticked by their labels, one button for all. */
export class BulkReview {
  constructor(private readonly page: Page) {}

  /** The labels of the ticked boxes, in the table's order. */
  async ticked(): Promise<string[]> {
    return this.page.locator('#bulk input.choose:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  }

  async tick(...labels: string[]) {
    for (const label of labels) await this.page.getByLabel(label, { exact: true }).check();
  }

  async press(button: '選んだ報告を受理する' | '選んだ報告を公開する' | '選んだ報告を受理して公開する') {
    await go(this.page, () => this.page.getByRole('button', { name: button }).click());
  }

  /** What the last bulk action did, as its result box says it. */
  async result(): Promise<string> {
    return (await this.page.locator('#bulk [role="status"], #bulk [role="alert"]').first().innerText()).trim();
  }
}

/** The owner's report form. */
export class ReportForm {
  constructor(private readonly page: Page) {}

  async fill(values: Record<string, string>) {
    for (const [label, text] of Object.entries(values)) await this.page.getByLabel(label, { exact: true }).fill(text);
  }

  async press(button: '下書き保存' | '提出する' | '提出し直す') {
    await go(this.page, () => this.page.getByRole('button', { name: button }).click());
  }
}

/** The secretariat's review of one report. */
export class ReviewPage {
  constructor(private readonly page: Page) {}

  async returnWith(comment: string, fieldComments: Record<string, string> = {}) {
    await this.page.getByLabel('差し戻す理由（推進主体に表示されます）').fill(comment);
    for (const [label, text] of Object.entries(fieldComments)) await this.page.getByLabel(`「${label}」へのコメント（任意）`).fill(text);
    await go(this.page, () => this.page.getByRole('button', { name: '差し戻す' }).click());
  }

  async press(button: '受理する' | '公開する' | '公開をやめる') {
    await go(this.page, () => this.page.getByRole('button', { name: button }).click());
  }
}

export async function follow(page: Page, link: string) {
  await go(page, () => page.getByRole('link', { name: link, exact: true }).click());
}

/** The document import of a ward: upload, the preview's corrections and conflicts, confirmation. */
export class DocumentImportPage {
  constructor(private readonly page: Page) {}

  async upload(file: string) {
    await this.page.getByLabel('ファイル', { exact: true }).setInputFiles(file);
    await go(this.page, () => this.page.getByRole('button', { name: '読み取って確認する' }).click());
  }

  /** Opens the item's「訂正する」, types the new values into its labelled fields and saves. */
  async correct(item: string, values: Record<string, string>) {
    const form = this.page.locator('details', { has: this.page.locator('summary', { hasText: `訂正する: ${item}` }) }).first();
    await form.locator('summary').first().click();
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).first().fill(value);
    await go(this.page, () => form.getByRole('button', { name: '訂正を保存' }).first().click());
  }

  /** Ticks「文書の値で上書き」of one conflict, named by its item and field (「目指す姿1 …・名称」). */
  async overwrite(conflict: string) {
    await this.page.getByRole('checkbox', { name: conflict }).check();
  }

  async confirm() {
    await go(this.page, () => this.page.getByRole('button', { name: 'この内容で取り込む' }).click());
  }
}

/** The secretariat's form for a committee meeting: its details and the lines of its 次第. */
export class MeetingForm {
  constructor(private readonly page: Page) {}

  async fill(meeting: { title: string; date: string; startTime: string; endTime: string; venue: string }) {
    await this.page.getByLabel('会議の名前').fill(meeting.title);
    await this.page.getByLabel('開催日').fill(meeting.date);
    await this.page.getByLabel('開始時刻').fill(meeting.startTime);
    await this.page.getByLabel('終了時刻').fill(meeting.endTime);
    await this.page.getByLabel('会場').fill(meeting.venue);
  }

  /** One line of the 次第: the item, its speaker and the material numbers it refers to. */
  async agendaLine(index: number, line: { item: string; speaker?: string; materials?: string }) {
    const fieldset = this.page.locator('fieldset.repeat').nth(index);
    await fieldset.getByLabel('項目').fill(line.item);
    await fieldset.getByLabel('説明者・発言者（任意）').fill(line.speaker ?? '');
    await fieldset.getByLabel('資料の番号（任意）').fill(line.materials ?? '');
  }

  async save() {
    await go(this.page, () => this.page.getByRole('button', { name: '保存する' }).click());
  }
}

/** A meeting's page: its materials with their buttons, downloads and sharing. */
export class MeetingPage {
  constructor(private readonly page: Page) {}

  /** The material numbers in the order the table lists them. */
  async materialNumbers(): Promise<string[]> {
    return this.page.locator('table').nth(1).locator('tbody tr td:first-child').allTextContents();
  }

  /** 上へ / 下へ / 削除 on one material's row, named for screen readers as 「資料1 下へ」. */
  async press(number: string, button: '上へ' | '下へ') {
    await go(this.page, () => this.page.getByRole('button', { name: `${number} ${button}` }).click());
  }

  async share() {
    await go(this.page, () => this.page.getByRole('button', { name: '委員に共有する' }).click());
  }

  /** Clicks a download link and answers the file's bytes and suggested name. */
  async download(link: '資料をPDFで保存' | '資料をWordで保存'): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: link }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}

/** The form adding a material to a meeting (the plan at a glance, reports, a text page). */
export class MaterialForm {
  constructor(private readonly page: Page) {}

  async number(): Promise<string> {
    return this.page.getByLabel('資料番号').inputValue();
  }

  /** Only the reports named (as the list shows them, 目指す姿…：取組（推進主体）). */
  async onlyReports(labels: string[]) {
    await this.page.getByLabel('下で選んだ報告だけ').check();
    for (const label of labels) await this.page.getByLabel(label).check();
  }

  async save() {
    await go(this.page, () => this.page.getByRole('button', { name: '保存する' }).click());
  }
}

/** The secretariat's evaluation of one fiscal year: every plan item's grade and comment in one form. */
export class EvaluationYearForm {
  constructor(private readonly page: Page) {}

  private item(heading: string) {
    return this.page.locator('section.evaluation-item', { has: this.page.getByRole('heading', { name: heading, exact: true }) });
  }

  async grade(heading: string, grade: string) {
    await this.item(heading).getByRole('radio', { name: new RegExp(`^${grade}(：|$)`) }).check();
  }

  async comment(heading: string, text: string) {
    await this.item(heading).getByLabel('コメント').fill(text);
  }

  async save() {
    await go(this.page, () => this.page.getByRole('button', { name: '評価を保存する' }).click());
  }
}

/** The search page: the header's box on any page, the page's own box and filters, its results. */
export class SearchPage {
  constructor(private readonly page: Page) {}

  /** Types the words into the site header's box and sends them with Enter, as from any page. */
  async searchFromHeader(words: string) {
    await this.page.getByRole('search').first().getByRole('searchbox').fill(words);
    await Promise.all([this.page.waitForURL((url) => url.pathname === '/search'), this.page.keyboard.press('Enter')]);
  }

  /** Unfolds the filters, chooses a filter's option (by its visible text start) and sends the page's form. */
  async narrow(filter: string, optionStartingWith: string) {
    const filters = this.page.locator('details.search-filters');
    if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
    const select = this.page.getByLabel(filter, { exact: true });
    const label = (await select.locator('option').allInnerTexts()).find((text) => text.startsWith(optionStartingWith));
    await select.selectOption({ label: label! });
    await Promise.all([this.page.waitForURL((url) => url.search.includes('kind=') || url.search.includes('ward=')), this.page.getByRole('main').getByRole('button', { name: '検索' }).click()]);
  }

  results() {
    return this.page.locator('.search-hit');
  }

  marked() {
    return this.page.locator('.search-hit mark').allInnerTexts();
  }
}
