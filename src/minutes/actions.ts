import {
  departmentAsTopic,
  departmentOfName,
  mentionsIn,
  type DepartmentLexicon,
} from './departments.js';
import { asksReportAtNextMeeting, dueOf, firmerDue } from './dues.js';
import type { DraftItem, DraftOwner, DraftQuote, SpeakerTurn } from './model.js';
import {
  acceptsRequest,
  actOf,
  endorses,
  isConditional,
  isDecision,
  listenersDoIt,
  refersBack,
} from './requests.js';
import { speakerRole } from './speakers.js';
import { titleOf } from './titles.js';
import { sentencesOf } from './turns.js';

/** Particles after a department's name that make it the one doing the work. */
const AGENT_PARTICLES = new Set([
  'で',
  'では',
  'でも',
  'にて',
  'において',
  'におかれましては',
  'におかれては',
  'が',
  'は',
  'も',
  'として',
  'には',
  'から',
  'より',
]);

/** How far back (in turns) 「今、話のあった」 may reach its request. */
const REFERENCE_REACH = 8;

/** The sentence points back at the item `turnGap` turns before. */
function refersTo(sentence: string, turnGap: number): boolean {
  const reach = refersBack(sentence);
  return reach === 'far' ? turnGap <= REFERENCE_REACH : reach === 'near' && turnGap <= 1;
}

interface Candidate {
  readonly act: 'request' | 'commitment';
  readonly owner: DraftOwner;
  /** The sentence names the owner (各部で, 事務局にて …). */
  readonly named: boolean;
  readonly quote: DraftQuote;
}

interface Building {
  owner: DraftOwner;
  /** What the latest sentence of the item did: a reply answers that. */
  act: Candidate['act'];
  named: boolean;
  /** The quote the title is made from: the request itself, not its lead-in. */
  titleFrom: number;
  quotes: DraftQuote[];
  lastTurn: number;
}

/** The department doing the work, when the sentence names it: 各部で, 事務局にて, 区民部から. */
function namedOwner(
  lexicon: DepartmentLexicon,
  sentence: string,
  addressee?: string,
): DraftOwner | undefined {
  const mentions = mentionsIn(lexicon, sentence);
  // 「区民部長、…してください」「…について、区民部長、…」: the head called out is the one asked.
  const index = mentions.findIndex(
    (m) =>
      // 「各部からの報告」 names where something comes from, not who works.
      (AGENT_PARTICLES.has(m.particle) &&
        !(/^(から|より)$/u.test(m.particle) && sentence[m.end] === 'の')) ||
      (m.particle === '、' && (m.index === 0 || sentence.slice(m.index, m.end).endsWith('長、'))),
  );
  let agent = mentions[index];
  // 「会計管理室と事務局で」: two together; the one the chair is answering leads.
  const partner = mentions[index - 1];
  if (
    partner?.particle === 'と' &&
    partner.end === agent?.index &&
    partner.departmentId === addressee
  ) {
    agent = partner;
  }
  // 「希望する部は」「試行に参加する部は」: whichever departments it applies to, so every one.
  if (!agent && /(?:する|したい|した|される)部(?:署)?(?:は|が|で|も)/u.test(sentence))
    return { kind: 'every' };
  if (!agent) return undefined;
  return agent.departmentId === 'every'
    ? { kind: 'every' }
    : { kind: 'department', departmentId: agent.departmentId };
}

/** Self-references at the start of what a member says: 「区民部では」「教育委員会は、」. */
const SELF_PARTICLES = new Set([
  'では',
  'は',
  'としては',
  'として',
  'も',
  'といたしましても',
  'としましても',
]);

/**
 * The department of the speaker of turn `index`: from the title (区民部長), the
 * role (事務局), the department the chair just asked (「区民部長はご存知ですか」),
 * or the member's own words (「区民部といたしましても」).
 */
const speakerDepartments = new WeakMap<readonly SpeakerTurn[], Map<number, string | undefined>>();

export function speakerDepartment(
  lexicon: DepartmentLexicon,
  turns: readonly SpeakerTurn[],
  index: number,
): string | undefined {
  // Each turn is asked about several times (as speaker, as the one answered, as the next one).
  let known = speakerDepartments.get(turns);
  if (!known) {
    known = new Map();
    speakerDepartments.set(turns, known);
  }
  if (known.has(index)) return known.get(index);
  const found = findSpeakerDepartment(lexicon, turns, index);
  known.set(index, found);
  return found;
}

function findSpeakerDepartment(
  lexicon: DepartmentLexicon,
  turns: readonly SpeakerTurn[],
  index: number,
): string | undefined {
  const turn = turns[index];
  if (!turn) return undefined;
  const role = speakerRole(turn.speaker);
  if (role === 'secretariat') return lexicon.secretariatDepartmentId;
  if (role === 'chair') return undefined;
  if (role === undefined) {
    const named = departmentOfName(lexicon, turn.speaker);
    if (named) return named;
  }
  // 「部員（教育部長）：」: the note says who.
  const note = /[（(]([^）)]+)[）)]$/u.exec(turn.speaker)?.[1];
  const noted = note ? departmentOfName(lexicon, note) : undefined;
  if (noted) return noted;
  const previous = turns[index - 1];
  if (previous) {
    const asked = sentencesOf(previous.text)
      .slice(-2)
      .filter((s) => /[かね][。？?]?$|[？?]$/u.test(s))
      .flatMap((s) => mentionsIn(lexicon, s))
      .find(
        (m) => m.departmentId !== 'every' && m.departmentId !== lexicon.secretariatDepartmentId,
      );
    if (asked) return asked.departmentId;
  }
  const self = sentencesOf(turn.text)
    .slice(0, 3)
    .flatMap((s) => mentionsIn(lexicon, s))
    .find((m) => m.departmentId !== 'every' && SELF_PARTICLES.has(m.particle));
  return self && self.departmentId !== 'every' ? self.departmentId : undefined;
}

function approvedByChair(next: SpeakerTurn | undefined): boolean {
  return !!next && speakerRole(next.speaker) === 'chair' && endorses(next.text);
}

function departmentOwner(id: string | undefined): DraftOwner {
  return id ? { kind: 'department', departmentId: id } : { kind: 'unknown' };
}

function sameOwner(a: DraftOwner, b: DraftOwner): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'department' || b.kind !== 'department' || a.departmentId === b.departmentId;
}

/**
 * Candidates from one turn. The chair's requests go to whoever they name, or
 * else to whom the chair answers; a member's request counts only when the
 * next speaker takes it on; promises count from the secretariat, and from a
 * member who names when.
 */
function candidatesOf(
  lexicon: DepartmentLexicon,
  turns: readonly SpeakerTurn[],
  index: number,
  meetingDate: string,
): Candidate[] {
  const turn = turns[index];
  if (!turn) return [];
  const role = speakerRole(turn.speaker);
  const ownDepartment = speakerDepartment(lexicon, turns, index);
  // 「事務局：」 or the secretariat's own title (情報管理課長：).
  const isSecretariat =
    role === 'secretariat' ||
    (role === undefined && ownDepartment === lexicon.secretariatDepartmentId);
  const candidates: Candidate[] = [];
  for (const sentence of sentencesOf(turn.text)) {
    const act = actOf(sentence);
    if (act === 'discussion') continue;
    const addressee = index > 0 ? speakerDepartment(lexicon, turns, index - 1) : undefined;
    // 「AとBで」: in a request, the one addressed leads; in a promise, the speaker's own.
    const named = namedOwner(lexicon, sentence, act === 'request' ? addressee : ownDepartment);
    if (isConditional(sentence) && !named) continue;
    const quote: DraftQuote = { speaker: turn.speaker, text: sentence, turn: index };
    if (act === 'commitment' && isSecretariat && listenersDoIt(sentence)) {
      // 「意見は12月25日までにご提出いただくことになります」: the secretariat asks the committee.
      candidates.push({ act: 'request', owner: named ?? { kind: 'every' }, named: true, quote });
      continue;
    }
    if (act === 'commitment' && role === 'chair' && named) {
      // 「各部で…を行うこととします」: the chair decides who does it.
      candidates.push({ act: 'request', owner: named, named: true, quote });
      continue;
    }
    if (act === 'commitment') {
      if (role === 'chair') continue;
      const stated = dueOf(sentence, meetingDate).kind !== 'unstated';
      const answering = index > 0 && acceptsRequest(turn.text);
      // A member telling their own plans is discussion; a member taking a task on is not.
      // 「ぜひそうしてください」: the chair takes a member's offer up.
      const approved = approvedByChair(turns[index + 1]);
      if (!isSecretariat && !stated && !answering && !approved) continue;
      candidates.push({
        act,
        owner: named ?? departmentOwner(ownDepartment),
        named: !!named,
        quote,
      });
      continue;
    }
    // A member asking another department is a wish until someone takes it on (below).
    if (named && (role === 'chair' || isSecretariat)) {
      candidates.push({ act, owner: named, named: true, quote });
      continue;
    }
    // 「教育委員会については、…検討してください」: the department the request is about does it.
    const topicId = act === 'request' ? departmentAsTopic(lexicon, sentence) : undefined;
    const topic: DraftOwner | undefined = topicId
      ? { kind: 'department', departmentId: topicId }
      : undefined;
    if (topic) {
      candidates.push({ act, owner: topic, named: true, quote });
      continue;
    }
    // 「…から試行利用を開始することとします」: a decision naming nobody is the committee's
    // ruling (a policy), not a task for whoever spoke last.
    if (isDecision(sentence)) continue;
    if (role === 'chair') {
      const previous = turns[index - 1];
      if (
        !addressee &&
        previous &&
        speakerRole(previous.speaker) === 'chair' &&
        refersBack(sentence)
      ) {
        // 「…ということでよろしいですか。（異議なし）では、そのように進めてください。」:
        // the committee agreed to the chair's proposal; the secretariat carries it out.
        const proposal = sentencesOf(previous.text).at(-1) ?? '';
        const context: DraftQuote = { speaker: previous.speaker, text: proposal, turn: index - 1 };
        const owner = departmentOwner(lexicon.secretariatDepartmentId);
        candidates.push(
          { act, owner, named: false, quote: context },
          { act, owner, named: false, quote },
        );
        continue;
      }
      candidates.push({ act, owner: departmentOwner(addressee), named: false, quote });
      continue;
    }
    if (isSecretariat && dueOf(sentence, meetingDate).kind !== 'unstated') {
      // 「7月中に受講をお願いします」: the secretariat sets the committee a date.
      candidates.push({ act, owner: { kind: 'every' }, named: false, quote });
      continue;
    }
    // A member or the secretariat asks: it is a task only if the next speaker takes it on.
    const next = turns[index + 1];
    if (!next || !acceptsRequest(next.text)) continue;
    const taker = speakerDepartment(lexicon, turns, index + 1);
    if (taker && taker !== ownDepartment) {
      candidates.push({ act, owner: departmentOwner(taker), named: false, quote });
    }
  }
  return candidates;
}

/**
 * The next turn answers the item: a promise after a request, or the chair's
 * follow-up after a promise, for the same owner and without a due of its own
 * that differs (then it is a second task).
 */
function answers(item: Building, candidate: Candidate, meetingDate: string): boolean {
  if (candidate.act === item.act) return false;
  const either = item.owner.kind === 'unknown' || candidate.owner.kind === 'unknown';
  if (!either && !sameOwner(item.owner, candidate.owner)) return false;
  const own = dueOf(candidate.quote.text, meetingDate);
  if (own.kind === 'unstated') return true;
  const held = item.quotes.map((q) => dueOf(q.text, meetingDate));
  return held.every(
    (due) => due.kind === 'unstated' || JSON.stringify(due) === JSON.stringify(own),
  );
}

/**
 * 「…もう一度確認していただきたいと思います。各部で12月18日までに…報告してください。」:
 * a request that names nobody and no due, followed in the same turn by one that
 * names both, is its lead-in, not a task of its own.
 */
function leadsInto(item: Building, candidate: Candidate, meetingDate: string): boolean {
  if (item.quotes.length !== 1 || item.act !== candidate.act || !candidate.named) return false;
  const [only] = item.quotes;
  if (only === undefined || dueOf(only.text, meetingDate).kind !== 'unstated') return false;
  const dated = dueOf(candidate.quote.text, meetingDate).kind !== 'unstated';
  // 「手を挙げてもらえればと思います。希望する部は今月中に連絡してください。」: the second
  // says who and when. An unnamed lead-in may go to anyone; a named one only to its owner.
  if (item.named) return dated && sameOwner(item.owner, candidate.owner);
  return dated || sameOwner(item.owner, candidate.owner);
}

/**
 * 「各部で洗い出していただきたい。12月15日までに事務局に回答してください。」: a request
 * that names nobody but a due, right after one of the same turn with none, is
 * that task's deadline, not a task for whoever spoke last.
 */
function setsItsDue(item: Building, candidate: Candidate, meetingDate: string): boolean {
  if (candidate.named || candidate.act !== 'request' || item.act !== 'request') return false;
  if (dueOf(candidate.quote.text, meetingDate).kind === 'unstated') return false;
  return item.quotes.every((q) => dueOf(q.text, meetingDate).kind === 'unstated');
}

/**
 * Draft action items from the turns, each sentence that asks for or promises
 * work becoming a quote of an item. A sentence joins the item before it when
 * it points back at it (その辺, 今、話のあった …) or when it comes in the next
 * turn with the same owner (the answer to a request, or the chair's follow-up).
 */
export function draftItems(
  lexicon: DepartmentLexicon,
  turns: readonly SpeakerTurn[],
  meetingDate: string,
): DraftItem[] {
  const items: Building[] = [];
  for (let index = 0; index < turns.length; index += 1) {
    for (const candidate of candidatesOf(lexicon, turns, index, meetingDate)) {
      const last = items[items.length - 1];
      const turnGap = last ? index - last.lastTurn : Infinity;
      const leadIn = last !== undefined && turnGap === 0 && leadsInto(last, candidate, meetingDate);
      const joins =
        last !== undefined &&
        (leadIn ||
          (turnGap === 0 && setsItsDue(last, candidate, meetingDate)) ||
          refersTo(candidate.quote.text, turnGap) ||
          (turnGap === 1 && answers(last, candidate, meetingDate)));
      if (last && joins) {
        last.quotes.push(candidate.quote);
        last.lastTurn = index;
        if (last.owner.kind === 'unknown' || leadIn) last.owner = candidate.owner;
        last.act = candidate.act;
        if (leadIn) last.titleFrom = last.quotes.length - 1;
        last.named ||= candidate.named;
        continue;
      }
      items.push({
        owner: candidate.owner,
        act: candidate.act,
        named: candidate.named,
        titleFrom: 0,
        quotes: [candidate.quote],
        lastTurn: index,
      });
    }
  }
  return items
    .filter((item) => item.owner.kind !== 'unknown')
    .map((item) => finish(item, meetingDate));
}

function finish(item: Building, meetingDate: string): DraftItem {
  const due = item.quotes.reduce(
    (firmest, quote) => firmerDue(firmest, dueOf(quote.text, meetingDate)),
    dueOf('', meetingDate),
  );
  return {
    owner: item.owner,
    title: titleOf([...item.quotes.slice(item.titleFrom), ...item.quotes.slice(0, item.titleFrom)]),
    due,
    reportAtNextMeeting: item.quotes.some((q) => asksReportAtNextMeeting(q.text)),
    quotes: item.quotes,
  };
}
