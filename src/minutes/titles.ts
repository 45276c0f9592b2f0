import type { DraftQuote } from './model.js';
import { coreOf } from './requests.js';

const TITLE_LIMIT = 40;

/** 「調整に入っ」「整理し」「課題を整理」 → 「調整に入る」「整理する」「課題を整理する」. */
const SMALL_TSU_VERBS: Readonly<Record<string, string>> = {
  持っ: '持つ',
  行っ: '行う',
  言っ: '言う',
  使っ: '使う',
  伺っ: '伺う',
  立っ: '立つ',
  払っ: '払う',
  買っ: '買う',
  願っ: '願う',
  図っ: '図る',
};

function plainForm(core: string): string {
  const tsu = Object.keys(SMALL_TSU_VERBS).find((stem) => core.endsWith(stem));
  if (tsu) return `${core.slice(0, -tsu.length)}${SMALL_TSU_VERBS[tsu] ?? tsu}`;
  if (/[っ]$/u.test(core)) return `${core.slice(0, -1)}る`;
  // 整理し → 整理する (a verbal noun), but 示し → 示す and 見直し → 見直す (a verb of its own).
  if (/(?:見直|[^\u4e00-\u9fff][\u4e00-\u9fff]|[\u3040-\u309f])し$/u.test(core)) {
    return `${core.slice(0, -1)}す`;
  }
  if (/し$/u.test(core)) return `${core}る`.replace(/しる$/u, 'する');
  if (/[えけげせめべれてねへ]$/u.test(core)) return `${core}る`;
  if (
    /[\u4e00-\u9fff]$/u.test(core) &&
    /(整理|調整|検討|報告|確認|提出|作成|実施|対応|準備|共有|周知|設置|導入|強化|見直|依頼|回答|集約|共有|連携|協議)$/u.test(
      core,
    )
  ) {
    return `${core}する`;
  }
  return core;
}

/** A short title: the core of the item's first sentence (or its longest), cut at a clause boundary. */
export function titleOf(quotes: readonly DraftQuote[]): string {
  const cores = quotes
    .map((q) =>
      coreOf(q.text)
        .replace(/^[^、]{0,12}?(?:としては|としても|では|において(?:は|も)?|にて|で)、/u, '')
        .replace(/(?:各部|事務局|各部局)(?:で|にて|において|では|が)(?:は|も)?、?/u, '')
        .replace(/(?:ということで)?(?:よろしいですか|よろしいでしょうか|いかがでしょうか)$/u, '')
        .replace(/予定(?:です|でございます|としております)$/u, '')
        .replace(/(?:ということ|という|こと|ように|よう)$/u, '')
        .trim(),
    )
    .filter((c) => c.length > 0);
  const first = cores[0] ?? '';
  let title =
    first.length >= 10 ? first : ([...cores].sort((a, b) => b.length - a.length)[0] ?? '');
  while (title.length > TITLE_LIMIT && /[、，]/u.test(title))
    title = title.replace(/^[^、，]*[、，]/u, '');
  title = plainForm(title.trim());
  return title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}…` : title;
}
