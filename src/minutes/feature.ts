import type { Feature } from '../app/feature.js';
import { MinutesImporter, minutesActions, minutesCommands } from './commands.js';
import type { MinutesUses } from './deps.js';
import { fetchDownloader } from './files.js';

/** Minutes import (議事録取込): the 会議録 read into drafts the secretariat confirms. */
export function minutesFeature(services: MinutesUses): Feature {
  const importer = new MinutesImporter(services, fetchDownloader);
  return {
    id: 'minutes',
    commands: minutesCommands(importer),
    actions: minutesActions(importer),
  };
}
