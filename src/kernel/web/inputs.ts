import { z } from 'zod';
import { parseDate } from '../wareki/index.ts';

/**
 * Zod builders for form fields that every module reads the same way. Text is kept exactly as typed except that line
 * endings become \n.
 */
export const typedText = (max: number) => z.string().max(max, `${max}文字以内で入力してください`).transform((s) => s.replace(/\r\n?/g, '\n'));

/** Optional text: blank (only spaces) becomes null. */
export const optionalTypedText = (max: number) => typedText(max).transform((s) => (s.trim() === '' ? null : s));

export const requiredText = (max: number, message: string) => typedText(max).refine((s) => s.trim() !== '', message);

export const fiscalYearInput = z.coerce
  .number({ message: '西暦の年度を数字で入力してください' })
  .int('西暦の年度を数字で入力してください')
  .min(1900, '1900年度以降を入力してください')
  .max(2200, '2200年度以前を入力してください');

/** A date as the browser's date field sends it (2024-05-24) or as people type it (令和6年5月24日, R6.5.24): ISO out. */
export const dateInput = z.string().transform((text, ctx) => {
  const parsed = parseDate(text.trim());
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: text.trim() === '' ? '日付を入力してください' : '日付は「2024-05-24」か「令和6年5月24日」の形で入力してください' });
  return z.NEVER;
});

/** An optional email address (reminders go there): blank is none, anything else must look like an address. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'メールアドレスが長すぎます')
  .default('')
  .pipe(z.union([z.literal('').transform(() => null), z.email('メールアドレスの形が正しくありません（例 info@example.jp）')]));

/** The version a form was read at (0: the record did not exist yet). */
export const versionInput = z.coerce.number({ message: '不正な版数です' }).int('不正な版数です').min(0, '不正な版数です');
