import { personId } from '../domain/directory.js';
import type { Services } from '../app/services.js';
import { seedDemoPolicies } from '../policy/seed.js';
import { seedDemoMeetings } from '../meetings/demo.js';
import { seedDemoItems } from '../items/demo.js';
import { demoDepartments, demoPeople } from './directory.js';
import { seedDemoSurvey } from './surveys.js';

/**
 * Fills an empty store with the demo data from the minutes. A store that has
 * any directory entry is left alone, so real data is never mixed with demo data.
 */
export async function seedDemoIfEmpty(services: Services): Promise<boolean> {
  const existing = await services.store.collection('people').count();
  if (existing > 0) return false;
  const now = services.clock.now().toISOString();
  for (const department of demoDepartments) await services.directory.putDepartment(department);
  for (const p of demoPeople)
    await services.directory.putPerson({ ...p, id: personId(p.upn), updatedAt: now });
  await seedDemoPolicies(services.policies);
  await seedDemoMeetings(services);
  await seedDemoSurvey(services);
  await seedDemoItems(services);
  return true;
}
