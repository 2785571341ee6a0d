/** A document to import may be up to 50 MB (printed plans as PDF are 10–40 MB); the rest of the app takes 5 MB. */
import { isMultipartPost, type LargeUploadRule } from '../../kernel/uploads/large-upload.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Room for the form's other fields (the CSRF token) and the multipart framing around the file. */
const FORM_ALLOWANCE = 64 * 1024;

/** The upload form of a ward's imports. */
const uploadPath = /^\/admin\/m\/[^/]+\/wards\/[^/]+\/imports$/;

export const documentUpload: LargeUploadRule = { maxBytes: MAX_UPLOAD_BYTES + FORM_ALLOWANCE, applies: (c) => isMultipartPost(c, uploadPath) };
