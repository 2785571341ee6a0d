import { mergeMessages, translator, type Catalogue, type Locale, type Translate } from './kernel/i18n/index.ts';
import { kernelMessages } from './kernel/i18n/messages.ts';
import { accountMessages } from './accounts/messages.ts';
import { adminMessages } from './admin/messages.ts';
import { evaluationMessages } from './evaluations/messages.ts';
import { districtMessages } from './districts/messages.ts';
import { meetingMessages } from './meetings/messages.ts';
import { municipalityMessages } from './municipalities/messages.ts';
import { siteMessages } from './site/messages.ts';
import { organisationMessages } from './organisations/messages.ts';
import { planMessages } from './plans/messages.ts';
import { importMessages } from './imports/messages.ts';
import { readingMessages } from './reading/messages.ts';
import { reportMessages } from './reports/messages.ts';
import { searchMessages } from './search/messages.ts';
import { setupMessages } from './setup/messages.ts';

/**
 * The interface text of the whole application: the kernel's and every module's messages. A module whose
 * messages.ts adds keys but is missing here is a type error (the catalogue would lack its keys).
 */
export const catalogue: Catalogue = mergeMessages(
  kernelMessages,
  municipalityMessages,
  accountMessages,
  siteMessages,
  organisationMessages,
  planMessages,
  reportMessages,
  meetingMessages,
  evaluationMessages,
  districtMessages,
  readingMessages,
  importMessages,
  adminMessages,
  setupMessages,
  searchMessages,
);

/** For what runs outside a request (the CLI, scripts, tests). */
export function translatorFor(locale: Locale): Translate {
  return translator(catalogue, locale);
}
