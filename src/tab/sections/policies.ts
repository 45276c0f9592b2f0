import { Audience } from '../../domain/roles.js';
import { formatPolicyDate } from '../../i18n/dates.js';
import { sourceText } from '../../policy/cards.js';
import { inLocale, type Status } from '../../policy/model.js';
import type { PolicyBook } from '../../policy/policy-book.js';
import type { Block, Tone } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

const STATUS_TONE: Readonly<Record<Status, Tone>> = {
  approved: 'good',
  conditional: 'good',
  underReview: 'warning',
  notAllowed: 'alert',
  fact: 'neutral',
  guidance: 'neutral',
};

/**
 * The policies in force, with status, scope, condition and source, the way the
 * answer card states them. Everyone may read them, guests included (they may
 * ask policy questions in chat too); retired entries are left out.
 */
export function policiesSection(policies: PolicyBook): SectionProvider {
  return section(
    'policies',
    Audience.anyone,
    async ({ t, locale, timeZone }: SectionContext): Promise<Block[]> => {
      const active = (await policies.list()).filter((entry) => entry.active);
      if (!active.length) return [];
      const context = { t, locale, timeZone };
      return [
        {
          kind: 'list',
          items: active.map(({ content }) => ({
            title: inLocale(content.title, locale),
            badge: {
              text: t(`policy.status.${content.status}`),
              tone: STATUS_TONE[content.status],
            },
            lines: [
              inLocale(content.answer, locale),
              ...(content.conditions
                ? [`${t('policy.fact.condition')}: ${inLocale(content.conditions, locale)}`]
                : []),
              [
                `${t('policy.fact.scope')}: ${t(`policy.scope.${content.scope}`)}`,
                ...(content.since
                  ? [`${t('policy.fact.since')}: ${formatPolicyDate(content.since, locale)}`]
                  : []),
              ].join(t('tab.list.separator')),
              `${t('policy.fact.source')}: ${sourceText(context, content.source)}`,
            ],
          })),
        },
      ];
    },
  );
}
