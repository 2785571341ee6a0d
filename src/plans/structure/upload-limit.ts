/** A structure file may be as large as the reader takes (10 MB); the rest of the app takes 5 MB. */
import { fileUploadRule } from '../../kernel/uploads/large-upload.ts';
import { MAX_FILE_BYTES } from './read.ts';

/** The upload form of a period's structure. */
export const structureUpload = fileUploadRule(MAX_FILE_BYTES, /^\/admin\/m\/[^/]+\/plans\/[^/]+\/periods\/\d+\/structure$/);
