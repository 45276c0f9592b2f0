import type { Person } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import { Audience, representsDepartment, type Role } from '../domain/roles.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { CommandSpec } from './router.js';

const roleWords: Readonly<Record<string, Exclude<Role, 'guest'>>> = {
  chair: 'chair',
  本部長: 'chair',
  secretariat: 'secretariat',
  事務局: 'secretariat',
  member: 'member',
  部員: 'member',
  delegate: 'delegate',
  代理: 'delegate',
};

async function describe(person: Person, directory: DirectoryService, t: Translate, locale: Locale) {
  const department = person.departmentId
    ? await directory.getDepartment(person.departmentId)
    : undefined;
  return {
    name: person.name[locale],
    upn: person.upn,
    role: t(`role.${person.role}`),
    department: department ? ` · ${department.name[locale]}` : '',
  };
}

export function directoryCommands(directory: DirectoryService): CommandSpec[] {
  return [
    {
      id: 'directory',
      words: { ja: ['名簿'], en: ['directory', 'people'] },
      summary: 'cmd.directory',
      allowed: Audience.staff,
      handle: async (turn) => {
        const people = (await directory.listPeople()).sort((a, b) => a.upn.localeCompare(b.upn));
        const rows = await Promise.all(
          people.map(
            async (p) =>
              `- ${turn.t('directory.row', await describe(p, directory, turn.t, turn.locale))}`,
          ),
        );
        await turn.reply(`**${turn.t('directory.title')}**\n\n${rows.join('\n')}`);
      },
    },
    {
      id: 'directorySet',
      words: { ja: ['名簿登録', '名簿変更'], en: ['directory set', 'directory add'] },
      summary: 'cmd.directorySet',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [upn, roleWord, ...rest] = turn.args.split(' ').filter(Boolean);
        if (!upn || !roleWord) return turn.reply(turn.t('directory.usage'));
        const role = roleWords[roleWord.toLowerCase()];
        if (!role) return turn.reply(turn.t('directory.unknownRole', { role: roleWord }));
        const [maybeDepartment, ...nameWords] = rest;
        const isDepartment =
          maybeDepartment !== undefined &&
          (await directory.findDepartment(maybeDepartment)) !== undefined;
        const needsDepartment = representsDepartment(role);
        const department = isDepartment || needsDepartment ? maybeDepartment : undefined;
        const name = (isDepartment || needsDepartment ? nameWords : rest).join(' ') || undefined;
        const result = await directory.upsertPerson({
          upn,
          role,
          ...(department ? { department } : {}),
          ...(name ? { name } : {}),
        });
        if (!result.ok) {
          const departments = (await directory.listDepartments())
            .map((d) => d.name[turn.locale])
            .join(', ');
          return turn.reply(
            turn.t(`directory.${result.reason}`, {
              upn,
              department: department ?? '',
              departments,
            }),
          );
        }
        const details = await describe(result.person, directory, turn.t, turn.locale);
        await turn.reply(
          turn.t(result.created ? 'directory.created' : 'directory.updated', details),
        );
      },
    },
  ];
}
