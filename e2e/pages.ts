/**
 * Page objects: what a person sees and does on each kind of page, so tests read as the user's steps.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';

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
