import { defineMessages } from '../kernel/i18n/index.ts';

/**
 * The English word after a romanised place name, chosen by how the Japanese name ends (as Yokohama's English pages
 * say "Tsurumi Ward", "Yokohama City"). The Japanese pages show the name as it is, so only the English side is read.
 */
export const municipalityMessages = defineMessages({
  'place.suffix.地区': { ja: '地区', en: 'District' },
  'place.suffix.区': { ja: '区', en: 'Ward' },
  'place.suffix.市': { ja: '市', en: 'City' },
  'place.suffix.町': { ja: '町', en: 'Town' },
  'place.suffix.村': { ja: '村', en: 'Village' },
  'place.error.romanisedName': {
    ja: 'ローマ字の名前は、半角英字で始まる半角英字・空白・ハイフン・アポストロフィの{max}文字以内にしてください（例: Tsurumi）',
    en: 'The romanised name takes Latin letters, spaces, hyphens and apostrophes (at most {max}), starting with a letter (for example Tsurumi)',
  },
});

type MunicipalityMessages = typeof municipalityMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends MunicipalityMessages {}
}
