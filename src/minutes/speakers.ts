/**
 * Who speaks in the 審議経過. Secretariats write a turn as 「本部長：…」,
 * 「区民部長: …」, 「○委員長 …」 or 「【事務局】…」; the speaker is a role or a
 * title, sometimes with a name or a note in brackets.
 */

/** Words a speaker's label ends with (本部長, 区民部長, 事務局, 部員, 山田委員 …). */
const ROLE_ENDING =
  /(本部長|事務局|事務局長|部員|委員|委員長|会長|議長|座長|司会|区長|市長|町長|村長|知事|教育長|部長|課長|室長|所長|局長|監|係長|主査|主幹|次長|参事|理事|幹事|館長|センター長|担当|構成員|説明員|一同)$/u;

const NAME = '[^\\s\\u3000：:「」『』。、，,（）()【】〔〕\\[\\]]{1,16}';
const NOTE = '(?:[（(][^）)\\n]{1,24}[）)])?';

const COLON_TURN = new RegExp(
  `^[○◯〇●◎◆◇]?[\\s\\u3000]*(${NAME}${NOTE})[\\s\\u3000]*[：:][\\s\\u3000]*(.*)$`,
  'u',
);
const MARK_TURN = new RegExp(`^[○◯〇●◎◆◇][\\s\\u3000]*(${NAME}${NOTE})[\\s\\u3000]+(.+)$`, 'u');
/** 「本部長 ただいまより…」: the speaker, a blank, the words (never a particle after the name). */
const SPACE_TURN = new RegExp(
  `^(${NAME}${NOTE})[\\s\\u3000]+(?![からよりはがのにともをへで][\\s\\u3000、])(?!(?:から|より|は|が|の|に|と|も|を|へ|で)[^\\u3040-\\u309f])(.{5,})$`,
  'u',
);
/** 「本部長 ― それでは…」: the speaker, a dash, the words. */
const DASH_TURN = new RegExp(`^(${NAME}${NOTE})[\\s\\u3000]*[―—─－]{1,3}[\\s\\u3000]*(.+)$`, 'u');
const BRACKET_TURN = new RegExp(
  `^[【［\\[（(][\\s\\u3000]*(${NAME}${NOTE})[\\s\\u3000]*[】］\\]）)][\\s\\u3000]*(.+)$`,
  'u',
);

export interface SpeakerLine {
  readonly speaker: string;
  readonly text: string;
}

/** Is the label a speaker? 本部長, 区民部長, 山田委員, 事務局（情報管理課長）. */
export function isSpeakerLabel(label: string): boolean {
  const bare = label.replace(/[（(][^）)]*[）)]$/u, '');
  const note = /[（(]([^）)]*)[）)]$/u.exec(label)?.[1] ?? '';
  return ROLE_ENDING.test(bare) || ROLE_ENDING.test(note);
}

/** The speaker and what they said, when the line opens a turn. */
export function speakerLine(line: string): SpeakerLine | undefined {
  const trimmed = line.replace(/^[\s\u3000]+/u, '');
  for (const pattern of [COLON_TURN, MARK_TURN, BRACKET_TURN, DASH_TURN, SPACE_TURN]) {
    const found = pattern.exec(trimmed);
    const label = found?.[1];
    if (found && label && isSpeakerLabel(label)) {
      return { speaker: label, text: (found[2] ?? '').trim() };
    }
  }
  return undefined;
}

/** The role a speaker's label names, when it is one of the committee's fixed roles. */
export function speakerRole(speaker: string): 'chair' | 'secretariat' | 'member' | undefined {
  const bare = speaker.replace(/[（(][^）)]*[）)]$/u, '');
  // The committee's chair is the deputy mayor (副区長（本部長）); minutes name either.
  if (/^(副?本部長|会長|委員長|議長|座長|副?区長|副?市長|町長|村長|知事)$/u.test(bare))
    return 'chair';
  // 「山田委員長」「○佐藤本部長」: a surname before the chair's title.
  if (/^\p{Script=Han}{1,4}(?<![部課室局])(本部長|会長|委員長|議長|座長)$/u.test(bare))
    return 'chair';
  if (/^事務局/u.test(bare) || /事務局/u.test(speaker)) return 'secretariat';
  if (/^(部員|委員|構成員)$/u.test(bare)) return 'member';
  return undefined;
}
