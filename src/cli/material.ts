import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './errors.ts';
import { municipalityFor } from './database.ts';
import { readConfig } from '../kernel/config/env.ts';
import type { Database } from '../kernel/db/database.ts';
import { closeDocumentBrowser } from '../kernel/documents/pdf.ts';
import { translatorFor } from '../messages.ts';
import { formatFiscalYear, parseFiscalYear } from '../kernel/wareki/index.ts';
import { findWardByNameOrSlug, type Ward } from '../municipalities/queries.ts';
import { acceptedReports } from '../reports/queries.ts';
import { meetingHandout, reportCount, yearHandout, type Handout } from '../meetings/handout/handout.ts';
import { renderHandoutDocx } from '../meetings/handout/handout-docx.ts';
import { renderHandoutPdf } from '../meetings/handout/handout-pdf.tsx';
import { findMeeting, meetingsWithReportsOf } from '../meetings/queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function fiscalYearOf(text: string | undefined): number {
  if (!text) throw new CliError('年度を --fiscal-year で指定してください（例: 2023 または 令和5年度）');
  const parsed = /^\d{4}$/.test(text.trim()) ? { ok: true as const, value: Number(text.trim()) } : parseFiscalYear(text.trim());
  if (!parsed.ok) throw new CliError(`年度「${text}」を読めません（例: 2023 または 令和5年度）: ${parsed.error}`);
  return parsed.value;
}

/** Fails before any work is done when the file cannot be written (no folder, no permission). */
async function checkWritable(out: string): Promise<string> {
  const path = resolve(out);
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new CliError(`${out} に書き込めません: フォルダ ${dirname(path)} がないか、書き込みが許されていません`);
  }
  await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw new CliError(`${out} に書き込めません: ファイルへの書き込みが許されていません`);
  });
  return path;
}

/** The meeting named by --meeting, or the only one carrying that year's reports, or else the standard handout. */
async function handoutFor(database: Database, ward: Ward, fiscalYear: number, meetingId: string | undefined): Promise<Handout> {
  const db = database.db;
  if (meetingId !== undefined) {
    const record = UUID.test(meetingId) ? await findMeeting(db, ward.municipalityId, meetingId) : null;
    if (!record || record.meeting.wardId !== ward.id) throw new CliError(`会議「${meetingId}」が${ward.name}にありません`);
    return meetingHandout(db, ward, record);
  }
  const meetings = await meetingsWithReportsOf(db, ward.municipalityId, ward.id, fiscalYear);
  if (meetings.length === 1) return meetingHandout(db, ward, (await findMeeting(db, ward.municipalityId, meetings[0]!.id))!);
  return yearHandout(db, ward, fiscalYear);
}

export async function materialCommand(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { ward: { type: 'string' }, 'fiscal-year': { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, meeting: { type: 'string' }, municipality: { type: 'string' } },
    strict: true,
  });
  if (values.format !== 'pdf' && values.format !== 'docx') throw new CliError('形式を --format pdf か --format docx で指定してください');
  if (!values.out) throw new CliError('書き出すファイルを --out で指定してください');
  if (!values.ward) throw new CliError('区を --ward で指定してください（例: 旭区）');
  const fiscalYear = fiscalYearOf(values['fiscal-year']);
  const out = await checkWritable(values.out);
  const municipality = await municipalityFor(database, values.municipality);
  const ward = await findWardByNameOrSlug(database.db, municipality.id, values.ward);
  if (!ward) throw new CliError(`区「${values.ward}」が${municipality.name}にありません`);
  const year = formatFiscalYear(fiscalYear);
  if ((await acceptedReports(database.db, municipality.id, ward.id, fiscalYear, { publishedOnly: false })).length === 0) {
    throw new CliError(`${ward.name}には${year}の受理済みの実績報告がありません`);
  }
  const handout = await handoutFor(database, ward, fiscalYear, values.meeting);
  const t = translatorFor('ja');
  const bytes = values.format === 'pdf' ? await renderHandoutPdf(handout, t, 'ja', readConfig().chromiumPath).finally(closeDocumentBrowser) : await renderHandoutDocx(handout, t, 'ja');
  await writeFile(out, bytes).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${values.out} に書き込めません: ${error.code ?? error.message}`);
  });
  return `${values.out} に「${handout.cover.title}」の資料を書き出しました（資料${handout.sections.length}件・報告${reportCount(handout)}件・${Math.ceil(bytes.length / 1024)} KB）`;
}
