/** A returned 庁内照会 workbook may be up to 10 MB (one of 500 reports is under 1 MB); the rest of the app takes 5 MB. */
import { fileUploadRule } from '../../kernel/uploads/large-upload.ts';

export const WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;

/** The upload form on a round's page. */
export const workbookUpload = fileUploadRule(WORKBOOK_MAX_BYTES, /^\/admin\/m\/[^/]+\/rounds\/[0-9a-f-]{36}\/workbook-imports$/);
