import { reportPaths } from '../paths.ts';

/** URLs of the 庁内照会 workbook: download (one owner, or every owner), upload, preview and confirm. */
export const workbookPaths = {
  download: (m: string, roundId: string, ownerId: string | null) => `${reportPaths.round(m, roundId)}/workbook.xlsx${ownerId ? `?owner=${ownerId}` : ''}`,
  imports: (m: string, roundId: string) => `${reportPaths.round(m, roundId)}/workbook-imports`,
  staged: (m: string, roundId: string, uploadId: string) => `${reportPaths.round(m, roundId)}/workbook-imports/${uploadId}`,
};
