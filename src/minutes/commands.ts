import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { MinutesUses } from './deps.js';
import type { ActionOutcome, CommandTurn, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
import { readDue, ownerFromValue, textOf } from '../items/form.js';
import { actorId } from '../items/service.js';
import { applyImport, meetingOnDate, type Choices, type ItemChoice } from './apply.js';
import { lexiconOf, type DepartmentLexicon } from './departments.js';
import { htmlToLines, sentFileOf, textOfDocx, textOfTxt, type Downloader } from './files.js';
import { importIdOf, MinutesImports, type MinutesImport } from './imports.js';
import { readMinutesOffThread } from './off-thread.js';
import { inputIds, pageOf, reviewCards } from './review.js';

/** The department of the secretariat (事務局), from the directory. */
async function lexiconFor(services: MinutesUses): Promise<DepartmentLexicon> {
  const [departments, people] = await Promise.all([
    services.directory.listDepartments(),
    services.directory.listPeople(),
  ]);
  const secretariat = people.find((p) => p.role === 'secretariat' && p.departmentId)?.departmentId;
  return lexiconOf({ departments, people, secretariatDepartmentId: secretariat ?? '' });
}

const COMMAND_WORDS = {
  ja: ['議事録取込', '議事録取り込み', '会議録取込'],
  en: ['import minutes'],
};
const LEADING_WORD = new RegExp(
  `^[\\s\\u3000]*(?:${[...COMMAND_WORDS.ja, ...COMMAND_WORDS.en].join('|')})[ \\t\\u3000:：]*\\r?\\n?`,
  'iu',
);

/**
 * The minutes under the command word, line breaks kept (「議事録取込」 on the first
 * line, the text on the next; or on the same line). Rich text arrives as HTML.
 */
function pastedText(turn: CommandTurn): string {
  const raw = turn.message?.text ?? turn.args;
  const text = /<(?:br|p|div)\b/iu.test(raw) ? htmlToLines(raw) : raw;
  return text.replace(LEADING_WORD, '');
}

/** Reads pasted or sent minutes into review cards, and applies what the secretariat confirms. */
export class MinutesImporter {
  readonly imports: MinutesImports;

  constructor(
    private readonly services: MinutesUses,
    private readonly download: Downloader,
  ) {
    this.imports = new MinutesImports(services.store);
  }

  async command(turn: CommandTurn): Promise<void> {
    if (turn.conversation.kind !== 'personal') return turn.reply(turn.t('minutes.personalOnly'));
    const file = sentFileOf(turn.message?.attachments ?? []);
    let text: string;
    if (file) {
      if (file.kind === 'other') return turn.reply(turn.t('minutes.fileKind', { name: file.name }));
      try {
        const bytes = await this.download(file.url);
        text = file.kind === 'docx' ? await textOfDocx(bytes) : textOfTxt(bytes);
      } catch (error) {
        this.services.logger.warn({ err: error, file: file.name }, 'minutes file not read');
        return turn.reply(turn.t('minutes.fileFailed', { name: file.name }));
      }
    } else {
      text = pastedText(turn);
      if (text.trim() === '') return turn.reply({ card: this.pasteCard(turn) });
    }
    const outcome = await this.review(turn, text);
    if ('message' in outcome) return turn.reply(outcome.message);
    for (const card of outcome.cards) await turn.reply({ card });
  }

  pasteCard(turn: Pick<Turn, 't'>) {
    const t = turn.t;
    return renderCard('minutes-paste', {
      heading: t('minutes.paste.heading'),
      intro: t('minutes.paste.intro'),
      label: t('minutes.paste.label'),
      placeholder: t('minutes.paste.placeholder'),
      required: t('minutes.paste.required'),
      read: t('minutes.paste.read'),
    });
  }

  /** Reads the minutes and answers with the review card; nothing but the reading is stored. */
  async review(turn: Turn, text: string): Promise<{ cards: Card[] } | { message: string }> {
    const lexicon = await lexiconFor(this.services);
    const policies = await this.services.policies.list();
    let reading;
    try {
      reading = await readMinutesOffThread(text, {
        timeZone: this.services.config.timeZone,
        lexicon,
        policies,
      });
    } catch (error) {
      this.services.logger.error({ err: error }, 'minutes reader failed');
      return { message: turn.t('minutes.readFailed') };
    }
    if (!reading.ok) {
      const missing = reading.missing
        .map((m) => turn.t(m === 'title' ? 'minutes.field.title' : 'minutes.field.date'))
        .join(turn.locale === 'ja' ? '・' : ', ');
      return { message: turn.t('minutes.notMinutes', { missing }) };
    }
    const record = await this.imports.saveReading({
      id: importIdOf(reading.header),
      readBy: actorId(turn.actor),
      readAt: this.services.clock.now().toISOString(),
      header: reading.header,
      items: reading.items,
      policyChanges: reading.policyChanges,
    });
    if (!record) return { message: turn.t('minutes.readFailed') };
    const meeting = record.applied
      ? await this.services.meetings.get(record.applied.meetingId)
      : await meetingOnDate(this.services, record.header.date);
    return { cards: await reviewCards(this.services, record, meeting, turn) };
  }

  /** The secretariat's choices on the card, all checked before anything is saved. */
  async choicesFrom(
    record: MinutesImport,
    data: Readonly<Record<string, unknown>>,
    turn: Turn,
  ): Promise<Choices | { message: string }> {
    const meetings = [
      ...(await this.services.meetings.upcoming()),
      ...(await this.services.meetings.recent(10)),
    ];
    const next = await this.services.meetings.next();
    const items: ItemChoice[] = [];
    const from = Number(textOf(data, 'from')) || 0;
    for (const index of pageOf(record.items, from)) {
      if (textOf(data, inputIds.on(index)) !== 'true') continue;
      const number = index + 1;
      const title = textOf(data, inputIds.title(index)).trim();
      if (!title) return { message: turn.t('minutes.badTitle', { number }) };
      const owner = ownerFromValue(textOf(data, inputIds.owner(index)));
      if (!owner) return { message: turn.t('minutes.badOwner', { number }) };
      const dueInput = textOf(data, inputIds.due(index));
      const due = readDue(dueInput, {
        now: this.services.clock.now(),
        calendar: this.services.calendar,
        nextMeeting: next,
        meetingByNumber: (n) => meetings.find((m) => m.number === n),
      });
      if (!due.ok) return { message: turn.t('minutes.badDue', { number, due: dueInput }) };
      items.push({ draft: index, title, owner, due: due.due });
    }
    // The policy changes are on the first card only.
    const policies = record.policyChanges
      .map((_, index) => index)
      .filter((index) => from === 0 && textOf(data, inputIds.policy(index)) === 'true');
    return { items, policies };
  }

  async confirm(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    const id = textOf(data, 'importId');
    const record = id ? await this.imports.get(id) : undefined;
    if (!record) return { message: turn.t('minutes.expired') };
    const choices = await this.choicesFrom(record, data, turn);
    if ('message' in choices) return choices;
    const claimed = await this.imports.claim(record.id);
    if (!claimed) return { message: turn.t('minutes.busy') };
    const lexicon = await lexiconFor(this.services);
    let result;
    try {
      result = await applyImport(this.services, claimed, choices, turn.actor, {
        lexicon,
        t: turn.t,
      });
    } catch (error) {
      await this.imports.release(record.id);
      throw error;
    }
    if ('problem' in result) {
      await this.imports.release(record.id);
      return { message: result.problem };
    }
    await this.imports.finish(record.id, {
      at: this.services.clock.now().toISOString(),
      by: actorId(turn.actor),
      meetingId: result.meeting.id,
      items: result.items,
      policies: result.policies,
    });
    const t = turn.t;
    const meeting = { number: result.meeting.number, title: result.meeting.title };
    return {
      card: renderCard('minutes-done', {
        heading: t('minutes.done.heading'),
        facts: [
          {
            title: t('minutes.done.meeting'),
            value: t(
              result.meetingCreated ? 'minutes.done.meetingCreated' : 'minutes.done.meetingUpdated',
              meeting,
            ),
          },
          {
            title: t('minutes.done.items'),
            value: t('minutes.done.itemsValue', {
              created: result.itemsCreated,
              updated: result.itemsUpdated,
            }),
          },
          {
            title: t('minutes.done.policies'),
            value: t('minutes.done.policiesValue', { count: result.policiesChanged }),
          },
        ],
        problems: result.problems,
      }),
    };
  }
}

/**
 * 議事録取込 / import minutes: the secretariat and the chair paste the minutes
 * under the command word or send them as a .txt or .docx file (a file sent on
 * its own arrives with no text, hence the empty pattern); the word alone opens
 * a card to paste into.
 */
export function minutesCommands(feature: MinutesImporter): CommandSpec[] {
  return [
    {
      id: 'minutes.import',
      words: COMMAND_WORDS,
      patterns: [/^$/],
      summary: 'minutes.cmd.import',
      allowed: Audience.staff,
      handle: (turn) => feature.command(turn),
    },
  ];
}

/** Card verbs: read the pasted text, confirm the review, drop it. */
export function minutesActions(feature: MinutesImporter): ActionSpec[] {
  return [
    {
      verb: 'minutes.read',
      allowed: Audience.staff,
      handle: (turn) => {
        const text = textOf(turn.data, 'minutesText');
        if (text.trim() === '') return Promise.resolve({ card: feature.pasteCard(turn) });
        return feature.review(turn, text).then(async (outcome) => {
          if ('message' in outcome) return outcome;
          // The first card replaces the paste card; the others follow it.
          const [first, ...rest] = outcome.cards;
          for (const card of rest) await turn.reply({ card });
          return first ? { card: first } : { message: turn.t('minutes.readFailed') };
        });
      },
    },
    {
      verb: 'minutes.confirm',
      allowed: Audience.staff,
      handle: (turn) => feature.confirm(turn, turn.data),
    },
    {
      verb: 'minutes.discard',
      allowed: Audience.staff,
      handle: (turn) => Promise.resolve({ message: turn.t('minutes.discarded') }),
    },
  ];
}
