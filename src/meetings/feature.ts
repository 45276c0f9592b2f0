import type { Feature } from '../app/feature.js';
import type { RouteUses } from '../app/router.js';
import { meetingsSection } from '../tab/sections/meetings.js';
import { meetingCommands } from './commands.js';
import { meetingActions } from './verbs.js';
import { seedDemoMeetings } from './demo.js';
import type { MeetingUses } from './deps.js';
import { meetingIcsRoute } from './ics-route.js';
import { meetingIntents } from './intents.js';
import { registerMeetingJobs } from './jobs.js';

/** Meetings (本部会議): schedule, agenda, attendance, reminders and notices, calendar files. */
export function meetingsFeature(services: MeetingUses & RouteUses): Feature {
  return {
    id: 'meetings',
    commands: meetingCommands(services),
    actions: meetingActions(services),
    intents: meetingIntents(services, services.routes),
    jobs: { register: () => registerMeetingJobs(services) },
    tab: { order: 10, section: meetingsSection(services.meetings) },
    seedDemo: () => seedDemoMeetings(services),
    http: [meetingIcsRoute(services)],
  };
}
