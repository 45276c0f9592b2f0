import type { Scope } from './model.js';

/**
 * The words people use for policy questions, in Japanese and English. Phrases
 * are matched on normalised text (NFKC, lower case, katakana as hiragana)
 * before word segmentation, because a segmenter splits "テレワーク" into
 * "テレ|ワーク" and "Wi-Fi" into "Wi|Fi". Latin phrases match whole words, with
 * an optional plural or -ing ending; a space in a phrase also matches "-" or nothing.
 */
/**
 * Products people name when they ask about web conferences, as they are written.
 * The minutes name tools only as A, B and C, so the data may not say whether a
 * product is one of them: an answer says so rather than let the list of
 * approved tools stand as a yes or a no about it. Each is also a phrase of the
 * webconference concept below.
 */
export const PRODUCT_NAMES: Readonly<Record<string, string>> = {
  zoom: 'Zoom',
  ズーム: 'Zoom',
  webex: 'Webex',
  ウェベックス: 'Webex',
  ウェブエックス: 'Webex',
  skype: 'Skype',
  スカイプ: 'Skype',
  'google meet': 'Google Meet',
  グーグルミート: 'Google Meet',
  グーグルメット: 'Google Meet',
  'microsoft teams': 'Teams',
  'ms teams': 'Teams',
  teams会議: 'Teams',
  チームズ: 'Teams',
  Teams: 'Teams',
  slack: 'Slack',
  スラック: 'Slack',
  facetime: 'FaceTime',
  フェイスタイム: 'FaceTime',
  'google hangouts': 'Google Hangouts',
  hangouts: 'Google Hangouts',
  ハングアウト: 'Google Hangouts',
  'line works': 'LINE WORKS',
  ラインワークス: 'LINE WORKS',
  chatwork: 'Chatwork',
  チャットワーク: 'Chatwork',
  gotomeeting: 'GoTo Meeting',
  'goto meeting': 'GoTo Meeting',
  jitsi: 'Jitsi',
  whereby: 'Whereby',
};

/**
 * Phrases matched with their case as written: "Teams" is the product, "teams"
 * an ordinary English word.
 */
export const CASE_SENSITIVE_PHRASES: ReadonlySet<string> = new Set(['Teams']);

export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  webconference: [
    'web会議',
    'ウェブ会議',
    'webミーティング',
    'ウェブミーティング',
    'テレビ会議',
    // kana for 会議, as typed on a phone before converting
    'ウェブかいぎ',
    'webかいぎ',
    'テレビかいぎ',
    'ビデオかいぎ',
    'オンラインかいぎ',
    'リモートかいぎ',
    'tv会議',
    'ビデオ会議',
    'ビデオ通話',
    'オンライン会議',
    'オンラインミーティング',
    'リモート会議',
    'オンライン',
    ...Object.keys(PRODUCT_NAMES),
    'video call',
    'video conference',
    'video conferencing',
    'videoconference',
    'videoconferencing',
    'video meeting',
    'video chat',
    'web conference',
    'web conferencing',
    'web meeting',
    'online meeting',
    'online conference',
    'virtual meeting',
    'remote meeting',
    'teleconference',
    'conference call',
    'online',
  ],
  wifi: [
    'wi fi',
    '無線lan',
    '無線',
    'ワイファイ',
    'wireless',
    'wlan',
    '電波',
    'つながりにく',
    'つながらな',
    '繋がりにく',
    '繋がらな',
    '通信環境',
    'signal',
    'reception',
    'connectivity',
  ],
  meetingroom: ['会議室', '部屋', 'meeting room', 'conference room', 'room'],
  telework: [
    'テレワーク',
    '在宅勤務',
    'リモートワーク',
    '在宅',
    'telework',
    'teleworking',
    'remote work',
    'remote working',
    'work from home',
    'working from home',
    'wfh',
    'home office',
  ],
  home: ['家庭', '自宅', '家', 'at home', 'home'],
  tablet: ['タブレット', 'tablet', 'ipad'],
  pupil: [
    '児童生徒',
    '児童',
    '生徒',
    '子ども',
    '子供',
    'こども',
    '小学生',
    '中学生',
    'pupil',
    'student',
    'schoolchild',
    'schoolchildren',
    'child',
    'children',
    'kid',
  ],
  outsider: [
    '外部',
    '庁外',
    '部外',
    '委員',
    '審議会',
    '協議会',
    '医師会',
    '医師',
    'ゲスト',
    'outside',
    'outsider',
    'external',
    'third party',
    'committee member',
    'council member',
    'council',
    'doctor',
    'guest',
  ],
  security: ['セキュリティ', 'security'],
  pc: ['パソコン', 'pc', 'computer', 'laptop'],
  internet: ['インターネット', 'internet'],
  // "Stronger Wi-Fi" and "Wi-Fi強化" are the same plan in either language.
  improvement: [
    '強化',
    '増強',
    '改善',
    '改良',
    '拡充',
    '改修',
    '工事',
    '増設',
    '修理',
    '直す',
    '直し',
    '直る',
    '直っ',
    'upgrade',
    'upgrading',
    'improve',
    'improving',
    'improvement',
    'strengthen',
    'strengthening',
    'stronger',
    'boost',
    'enhance',
    'enhancement',
    'fix',
    'fixed',
    'repair',
    'repaired',
  ],
};

/** Words that name who a question is about; the rest of the question still has to match. */
export const SCOPE_PHRASES: Readonly<Record<Scope, readonly string[]>> = {
  education: [
    '教育委員会',
    '教委',
    '教育部',
    '小学校',
    '中学校',
    '学校',
    'board of education',
    'education board',
    'boe',
    'school',
  ],
  mayor: [
    '区長部局',
    '区長部門',
    '区長部',
    '区役所',
    '本庁',
    'mayor',
    "mayor's department",
    "mayor's office",
    'city hall',
  ],
  all: ['全庁', '全部局', '全部署', 'all departments', 'whole city', 'citywide', 'city wide'],
};

/** The concept of the tool entries: what they are about even when their text only names a tool. */
export const TOOL_CONCEPT = 'webconference';

/** The concepts that may appear in a tool-approval question without making it another question. */
export const TOOL_QUESTION_CONCEPTS: ReadonlySet<string> = new Set([TOOL_CONCEPT]);

/** The topic whose entries with subjects are the tool approvals. */
export const TOOL_TOPIC = 'web-conference';
