/** A document to import may be up to 50 MB (printed plans as PDF are 10–40 MB); the rest of the app takes 5 MB. */
import { fileUploadRule } from '../kernel/uploads/large-upload.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The upload form of a ward's imports. */
export const documentUpload = fileUploadRule(MAX_UPLOAD_BYTES, /^\/admin\/m\/[^/]+\/wards\/[^/]+\/imports$/);
