import type { SurveyUses } from '../surveys/deps.js';
import type { SurveyTopic } from '../surveys/survey.js';

const topic = (
  id: string,
  ja: string,
  en: string,
  descriptionJa: string,
  descriptionEn: string,
): SurveyTopic => ({
  id,
  title: { ja, en },
  description: { ja: descriptionJa, en: descriptionEn },
});

/**
 * The review topics of the digital-government project team (資料1-7) that the
 * minutes name, plus two illustrative ones (online procedures, paperless) that
 * the minutes do not name: demo data a city replaces with its own list.
 */
export const demoSurveyTopics: readonly SurveyTopic[] = [
  topic(
    'staff-support',
    '対職員業務支援',
    'Support for staff work',
    '職員の日々の業務を ICT で支える取り組み（資料1-7 で網羅的に整理）。',
    'ICT that supports staff in their daily work (listed in detail in material 1-7).',
  ),
  topic(
    'web-meetings',
    'Web会議',
    'Web meetings',
    '区政連絡会や、医師会関係の委員が多い国保運営協議会など、集まらずに開く会議。B・C の2環境を整備中。',
    'Meetings held without gathering, e.g. the ward liaison meetings or the National Health Insurance council with many doctors as members. Two environments, B and C, are being set up.',
  ),
  topic(
    'telework',
    'テレワーク',
    'Telework',
    'テレワーク PC が拡大される前提で、テレワークできる業務とできない業務の切り分け（各部で整理）。',
    'Which work can be done remotely, assuming telework PCs are available (each department sorts its own work).',
  ),
  topic(
    'e-invoicing',
    '請求書の電子化',
    'Electronic invoices',
    '請求書の受け取り・処理の電子化。どの業務に使えるか、ご意見をお寄せください。',
    'Receiving and processing invoices electronically. Tell us which of your work it would fit.',
  ),
  topic(
    'rpa',
    'RPA',
    'RPA (robotic process automation)',
    '定型業務の自動化。令和元年度・2年度の実績は資料1-8。',
    'Automating routine work. Results for FY2019 and FY2020 are in material 1-8.',
  ),
  topic(
    'meeting-room-wifi',
    '会議室のWi-Fi環境',
    'Wi-Fi in meeting rooms',
    '会議室の無線は全般に弱く、強いのは災対センター（507〜510）のみ。強化には予算が必要です。',
    'Wireless is weak in all meeting rooms except the disaster-response centre (rooms 507-510). Improving it needs a budget.',
  ),
  topic(
    'online-procedures',
    '行政手続のオンライン化',
    'Online administrative procedures',
    '区民・事業者向けの申請や届出をオンラインで受け付ける取り組み（資料1-6）。',
    'Accepting applications and notifications from residents and businesses online (material 1-6).',
  ),
  topic(
    'paperless',
    'ペーパーレス化',
    'Going paperless',
    '会議資料や決裁などの紙を減らす取り組み。',
    'Less paper in meeting documents, approvals and the like.',
  ),
];

/**
 * The digital-government review survey of the minutes, as a draft ready to
 * send: 1位–3位 over the topics, a comment on every topic (the chair asked for
 * it), free opinions, all answering departments, deadline two weeks ahead.
 */
export async function seedDemoSurvey(services: SurveyUses): Promise<void> {
  const { calendar, clock } = services;
  const inTwoWeeks = new Date(clock.now().getTime() + 14 * 24 * 60 * 60 * 1000);
  const deadline = calendar.atLocalTime(calendar.onOrBeforeBusinessDay(inTwoWeeks), 17);
  const blank = await services.surveys.blankDefinition();
  await services.surveys.create(
    {
      ...blank,
      title: {
        ja: 'デジタルガバメント検討事項アンケート',
        en: 'Digital government review topics survey',
      },
      intro: {
        ja: 'デジタルガバメント検討プロジェクトチームの検討事項（資料1-7）について、各部で特に検討してほしいものを1位から3位までお選びください。順位だけでは伝わらない課題意識も大切ですので、各項目へのコメントと自由意見もお寄せください。',
        en: 'Of the review topics of the digital-government project team (material 1-7), choose the three your department most wants reviewed, ranked 1 to 3. Rankings alone lose the reasons, so please also comment on any topic and add free opinions.',
      },
      topics: demoSurveyTopics,
      deadline: deadline.toISOString(),
    },
    'johokanri-kacho@city.example.jp',
  );
}
