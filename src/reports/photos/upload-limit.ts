import { isMultipartPost, type LargeUploadRule } from '../../kernel/uploads/large-upload.ts';
import type { AppContext } from '../../kernel/web/context.ts';
import { PHOTO_MAX_BYTES } from './process.ts';

export { TOO_LARGE_FIELD } from '../../kernel/uploads/large-upload.ts';

/** Room for the report's typed text that travels in the same form as the photo. */
const FORM_ALLOWANCE = 2 * 1024 * 1024;
export const PHOTO_UPLOAD_MAX_BYTES = PHOTO_MAX_BYTES + FORM_ALLOWANCE;

/** The owner's report form (save and submit), which carries its photos. */
const reportFormPath = /^\/admin\/m\/[^/]+\/reports\/[0-9a-f-]{36}(\/submit)?$/;

/** A multipart post of the report form; any other body there keeps the app's general limit. */
export const isPhotoUpload = (c: AppContext) => isMultipartPost(c, reportFormPath);

/** A photo upload may be up to 30 MB with the report's text (see kernel/uploads/large-upload.ts for how a larger one is refused). */
export const photoUpload: LargeUploadRule = { maxBytes: PHOTO_UPLOAD_MAX_BYTES, applies: isPhotoUpload };
