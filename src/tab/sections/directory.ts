import type { DirectoryService } from '../../domain/directory-service.js';
import { Audience } from '../../domain/roles.js';
import type { Block } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

/**
 * Who answers for each department: its head(s) and delegate(s), for the
 * departments the viewer may read (all for staff, their own for members).
 */
export function directorySection(directory: DirectoryService): SectionProvider {
  return section(
    'directory',
    Audience.directory,
    async ({ t, locale, departmentIds }: SectionContext): Promise<Block[]> => {
      const departments = (await directory.listDepartments()).filter((d) =>
        departmentIds.includes(d.id),
      );
      if (!departments.length) return [];
      const rows = await Promise.all(
        departments.map(async (department) => {
          const people = await directory.representativesOf(department.id);
          const names = (role: 'member' | 'delegate') =>
            people
              .filter((p) => p.role === role)
              .map((p) => p.name[locale])
              .join(t('tab.list.separator')) || t('tab.none');
          return {
            cells: [
              { text: department.name[locale] },
              { text: names('member') },
              { text: names('delegate') },
            ],
          };
        }),
      );
      return [
        {
          kind: 'table',
          caption: t('tab.directory.caption'),
          columns: [
            t('tab.directory.department'),
            t('tab.directory.head'),
            t('tab.directory.delegate'),
          ],
          rows,
        },
      ];
    },
  );
}
