import type { Clock } from '../clock.js';
import { demoDepartments, demoPeople } from '../demo/directory.js';
import { personId } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import { directorySection } from '../tab/sections/directory.js';
import { directoryCommands } from './directory-commands.js';
import type { Feature } from './feature.js';

export interface DirectoryUses {
  readonly clock: Clock;
  readonly directory: DirectoryService;
}

/** The directory: who is who (departments, heads, delegates), and the demo's people. */
export function directoryFeature(services: DirectoryUses): Feature {
  return {
    id: 'directory',
    commands: directoryCommands(services.directory),
    tab: { order: 50, section: directorySection(services.directory) },
    seedDemo: async () => {
      const now = services.clock.now().toISOString();
      for (const department of demoDepartments) await services.directory.putDepartment(department);
      for (const p of demoPeople)
        await services.directory.putPerson({ ...p, id: personId(p.upn), updatedAt: now });
    },
  };
}
