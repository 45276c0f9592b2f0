import { Audience } from '../../domain/roles.js';
import { when } from '../../meetings/cards.js';
import type { Meeting } from '../../meetings/meeting.js';
import type { MeetingService } from '../../meetings/meeting-service.js';
import type { Block } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

/** How many upcoming meetings the board lists in full; later ones get their date and place only. */
const IN_FULL = 3;

/** The next meetings with date, place, agenda and materials, as the agenda card shows them. */
export function meetingsSection(meetings: MeetingService): SectionProvider {
  return section(
    'meetings',
    Audience.directory,
    async ({ t, locale, timeZone }: SectionContext): Promise<Block[]> => {
      const upcoming = await meetings.upcoming();
      if (!upcoming.length) return [];
      return [
        {
          kind: 'list',
          // Every upcoming meeting is listed: one left out silently looks like none.
          items: upcoming.map((meeting, index) => ({
            title: meeting.title,
            badge: { text: `#${meeting.number}`, tone: 'neutral' },
            lines: [
              `${t('meeting.when')}: ${when(meeting, { locale, timeZone })}`,
              ...(meeting.place ? [`${t('meeting.place')}: ${meeting.place}`] : []),
              ...(index < IN_FULL ? agendaAndMaterials(meeting, t) : []),
            ],
          })),
        },
      ];
    },
  );
}

function agendaAndMaterials(meeting: Meeting, t: SectionContext['t']): string[] {
  const agenda = meeting.agenda.length
    ? meeting.agenda.map((item) =>
        t('meeting.agendaItem', { number: item.number, title: item.title }),
      )
    : [t('meeting.noAgenda')];
  const materials = meeting.materials.length
    ? meeting.materials.map((m) => `${m.id} ${m.title}`).join(t('tab.list.separator'))
    : t('meeting.noMaterials');
  return [...agenda, `${t('meeting.materials')}: ${materials}`];
}
