/** 推進主体／区全課（事務局：区政推進課）、区社協、地域ケアプラザ → the owners, split outside brackets. */
import { splitOutsideBrackets } from './text.ts';
import { OWNER_LINE } from './vocabulary.ts';

export function parseOwnerLine(text: string): string[] | null {
  const owners = OWNER_LINE.exec(text)?.groups?.['owners'];
  if (owners === undefined) return null;
  return splitOutsideBrackets(owners, '、，,／/').map((o) => o.replace(/[\s\u3000]+$/u, ''));
}
