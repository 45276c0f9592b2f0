import { Audience } from '../../domain/roles.js';
import { when } from '../../meetings/cards.js';
import type { MeetingService } from '../../meetings/meeting-service.js';
import type { Block } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

/** How many upcoming meetings the board lists; the chat command `会議一覧` has them all. */
const SHOWN = 3;

/** The next meetings with date, place, agenda and materials, as the agenda card shows them. */
export function meetingsSection(meetings: MeetingService): SectionProvider {
  return section(
    'meetings',
    Audience.directory,
    async ({ t, locale, timeZone }: SectionContext): Promise<Block[]> => {
      const upcoming = (await meetings.upcoming()).slice(0, SHOWN);
      if (!upcoming.length) return [];
      return [
        {
          kind: 'list',
          items: upcoming.map((meeting) => ({
            title: meeting.title,
            badge: { text: `#${meeting.number}`, tone: 'neutral' },
            lines: [
              `${t('meeting.when')}: ${when(meeting, { locale, timeZone })}`,
              ...(meeting.place ? [`${t('meeting.place')}: ${meeting.place}`] : []),
              ...(meeting.agenda.length
                ? meeting.agenda.map((item) =>
                    t('meeting.agendaItem', { number: item.number, title: item.title }),
                  )
                : [t('meeting.noAgenda')]),
              `${t('meeting.materials')}: ${
                meeting.materials.length
                  ? meeting.materials.map((m) => `${m.id} ${m.title}`).join(t('tab.list.separator'))
                  : t('meeting.noMaterials')
              }`,
            ],
          })),
        },
      ];
    },
  );
}
