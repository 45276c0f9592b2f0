import { translator } from '../i18n/translate.js';
import type { SurveyDefinition } from './editor.js';
import type { LocalText, Survey } from './survey.js';

/**
 * What a copied survey's title ends with while it is a draft: 「（コピー）」,
 * " (copy)". It tells the secretariat's drafts apart; sending takes it off,
 * so the departments never see it.
 */
function copyMarker(): LocalText {
  return { ja: translator('ja')('survey.copy.suffix'), en: translator('en')('survey.copy.suffix') };
}

/** A new draft's definition: the source's questions, audience and settings, no deadline. */
export function copiedDefinition(source: Survey): SurveyDefinition {
  const marker = copyMarker();
  return {
    title: {
      ja: `${source.title.ja}${marker.ja}`,
      en: source.title.en ? `${source.title.en}${marker.en}` : '',
    },
    intro: source.intro,
    topics: source.topics,
    ranking: source.ranking,
    commentMaxLength: source.commentMaxLength,
    opinionMaxLength: source.opinionMaxLength,
    audience: source.audience,
    nudgeBusinessDays: source.nudgeBusinessDays,
  };
}

/** The title as departments see it: without the copy marker. */
export function withoutCopyMarker(title: LocalText): LocalText {
  const marker = copyMarker();
  const strip = (text: string, suffix: string) =>
    text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  return { ja: strip(title.ja, marker.ja), en: strip(title.en, marker.en) };
}
