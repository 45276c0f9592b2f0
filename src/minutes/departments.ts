/**
 * Which department a name in the minutes stands for: 区民部, 区民部長, 文化デザイン課長
 * (a delegate of 文化商工部), 事務局 (the secretariat's department), 各部 (every
 * department). Built from the directory, so a city's own names work unchanged.
 */

export interface DirectoryNames {
  readonly departments: ReadonlyArray<{
    readonly id: string;
    readonly name: { readonly ja: string };
  }>;
  readonly people: ReadonlyArray<{
    readonly name: { readonly ja: string };
    readonly role: string;
    readonly departmentId?: string;
  }>;
  /** The department the secretariat (事務局) belongs to. */
  readonly secretariatDepartmentId: string;
}

export interface DepartmentLexicon {
  readonly secretariatDepartmentId: string;
  /** Names, longest first, each with its department. */
  readonly names: ReadonlyArray<readonly [string, string]>;
}

/** Words that mean every department of the committee. */
export const EVERY_DEPARTMENT_WORDS = '各部局|各部署|全部局|全部署|各部|全庁|それぞれの部|各課';

export function lexiconOf(directory: DirectoryNames): DepartmentLexicon {
  const names = new Map<string, string>();
  const add = (name: string, id: string) => {
    const clean = name.replace(/[（(][^）)]*[）)]/gu, '').trim();
    if (clean.length >= 2 && !names.has(clean)) names.set(clean, id);
  };
  for (const department of directory.departments) {
    // 教育委員会（教育部）: both the name and the bracketed one.
    add(department.name.ja, department.id);
    for (const inner of department.name.ja.matchAll(/[（(]([^）)]+)[）)]/gu))
      add(inner[1] ?? '', department.id);
  }
  for (const person of directory.people) {
    if (!person.departmentId || person.role === 'chair') continue;
    const title = person.name.ja.replace(/[（(][^）)]*[）)]/gu, '');
    add(title, person.departmentId);
    // 区民部長 → 区民部, 文化デザイン課長 → 文化デザイン課, 会計管理室長 → 会計管理室.
    add(title.replace(/長$/u, ''), person.departmentId);
  }
  add('事務局', directory.secretariatDepartmentId);
  return {
    secretariatDepartmentId: directory.secretariatDepartmentId,
    names: [...names.entries()].sort((a, b) => b[0].length - a[0].length),
  };
}

/**
 * The lexicon of one meeting: the secretariat's division named in the header
 * (情報システム課) and the titles of its 事務局 attendees (基盤担当係長) stand for
 * the secretariat too, so that 「情報システム課長 ― …作成します」 has an owner.
 */
export function withSecretariatNames(
  lexicon: DepartmentLexicon,
  secretariat: string,
  staff: readonly string[],
): DepartmentLexicon {
  const known = new Set(lexicon.names.map(([name]) => name));
  const division = /([^\s\u3000部]{2,12}(?:課|室))$/u.exec(secretariat.trim())?.[1];
  const added = [division, ...staff.flatMap((title) => [title, title.replace(/長$/u, '')])]
    .map((name) => name?.replace(/[（(][^）)]*[）)]/gu, '').trim() ?? '')
    .filter((name) => name.length >= 3 && !known.has(name) && !/^(?:課|係|室|担当)/u.test(name));
  if (added.length === 0) return lexicon;
  const names = new Map([
    ...lexicon.names,
    ...added.map((name) => [name, lexicon.secretariatDepartmentId] as const),
  ]);
  return { ...lexicon, names: [...names.entries()].sort((a, b) => b[0].length - a[0].length) };
}

/** The department a title or name stands for: 区民部長 → kumin. */
export function departmentOfName(lexicon: DepartmentLexicon, name: string): string | undefined {
  const bare = name.replace(/[（(][^）)]*[）)]/gu, '').trim();
  const exact = lexicon.names.find(([n]) => n === bare);
  if (exact) return exact[1];
  return lexicon.names.find(([n]) => bare.startsWith(n) || bare.endsWith(n))?.[1];
}

export interface Mention {
  readonly departmentId: string | 'every';
  readonly index: number;
  readonly text: string;
  /** The particle after the name: で, は, が, に, にて … */
  readonly particle: string;
  /** Where the mention and its particle end in the sentence. */
  readonly end: number;
}

/** Every department named in a sentence, in order, with the particle that follows it. */
/** Longest first, so that として is not read as と. */
const PARTICLES = [
  'におかれましては',
  'におかれては',
  'において',
  'に対して',
  'といたしましても',
  'としましても',
  'としては',
  'として',
  'にて',
  'では',
  'でも',
  'には',
  'から',
  'より',
  'で',
  'に',
  'は',
  'が',
  'も',
  'と',
  'の',
  'を',
  '、',
].join('|');

const patterns = new WeakMap<DepartmentLexicon, RegExp>();
const EVERY = new RegExp(`^(?:${EVERY_DEPARTMENT_WORDS})$`, 'u');

/** One pattern per lexicon: building it costs more than using it. */
function mentionPattern(lexicon: DepartmentLexicon): RegExp {
  let pattern = patterns.get(lexicon);
  if (!pattern) {
    const alternatives = [EVERY_DEPARTMENT_WORDS, ...lexicon.names.map(([n]) => escape(n))].join(
      '|',
    );
    pattern = new RegExp(
      // 「教育委員会事務局で」「区民部区民課で」: a division of the department is the department.
      `(${alternatives})(?:長|[\\u4e00-\\u9fff\\u30a0-\\u30ffA-Za-z]{0,10}?(?:課|係|室|事務局|事務所|センター)(?:長)?)?(?:さん|の方|の皆さん|の皆様)?(${PARTICLES})?`,
      'gu',
    );
    patterns.set(lexicon, pattern);
  }
  return pattern;
}

export function mentionsIn(lexicon: DepartmentLexicon, sentence: string): Mention[] {
  const pattern = mentionPattern(lexicon);
  const mentions: Mention[] = [];
  for (const found of sentence.matchAll(pattern)) {
    const text = found[1] ?? '';
    const every = EVERY.test(text);
    const departmentId = every ? 'every' : departmentOfName(lexicon, text);
    if (!departmentId) continue;
    const index = found.index ?? 0;
    mentions.push({
      departmentId,
      index,
      text,
      particle: found[2] ?? '',
      end: index + found[0].length,
    });
  }
  return mentions;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** 「教育委員会については、」「区民部につきましては、」 opening a sentence: the department it is about. */
export function departmentAsTopic(
  lexicon: DepartmentLexicon,
  sentence: string,
): string | undefined {
  const lead =
    /^(?:なお|また|それから|あと)?、?(.{2,16}?)(?:について(?:は)?|につきましては|に関しては)、/u.exec(
      sentence,
    );
  // Only a department's own name: 「区民部の窓口については」 is about a thing, not a department.
  const id = lexicon.names.find(([name]) => name === lead?.[1])?.[1];
  return id === lexicon.secretariatDepartmentId ? undefined : id;
}
