import { describeActor } from '../app/core-commands.js';
import type { Actor } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import { allows, Audience } from '../domain/roles.js';
import { formatDateTime } from '../i18n/dates.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { DashboardView, SectionView } from './model.js';
import type { SectionContext, SectionProvider } from './sections/section.js';

export type DashboardRequest = Readonly<{
  viewer: Actor;
  locale: Locale;
  /** A department id the viewer wants to narrow to, from ?department=. */
  department: string | undefined;
}>;

export type DashboardResult =
  | { ok: true; view: DashboardView }
  | { ok: false; reason: 'otherDepartment' | 'unknownDepartment' };

/** Builds the dashboard a viewer may see from the registered section providers. */
export class Dashboard {
  constructor(
    private readonly providers: readonly SectionProvider[],
    private readonly directory: DirectoryService,
    private readonly clock: { now(): Date },
    private readonly timeZone: string,
  ) {}

  async build({ viewer, locale, department }: DashboardRequest): Promise<DashboardResult> {
    const scope = await this.departmentScope(viewer, department);
    if (!scope.ok) return scope;
    const t = translator(locale);
    const now = this.clock.now();
    const context: SectionContext = {
      viewer,
      locale,
      t,
      timeZone: this.timeZone,
      now,
      departmentIds: scope.departmentIds,
    };
    const visible = this.providers.filter((p) => allows(p.audience, viewer.role));
    const sections = await Promise.all(visible.map((p) => this.section(p, context)));
    const { role, department: departmentName } = describeActor(viewer, t, locale);
    const departments = allows(Audience.staff, viewer.role)
      ? await this.directory.listDepartments()
      : [];
    return {
      ok: true,
      view: {
        locale,
        title: t('tab.title'),
        viewer: t('help.whoami', {
          name: viewer.person?.name[locale] ?? viewer.displayName,
          role,
          department: departmentName,
        }),
        updated: t('tab.updated', { time: formatDateTime(now, locale, this.timeZone) }),
        ...(departments.length
          ? {
              departmentFilter: {
                label: t('tab.filter.department'),
                allLabel: t('tab.filter.all'),
                selected: department ?? '',
                options: departments.map((d) => ({ id: d.id, label: d.name[locale] })),
              },
            }
          : {}),
        sections,
      },
    };
  }

  private async section(provider: SectionProvider, context: SectionContext): Promise<SectionView> {
    const title = context.t(provider.title);
    const blocks = await provider.load(context);
    return blocks.length
      ? { id: provider.id, title, state: 'ready', blocks }
      : {
          id: provider.id,
          title,
          state: 'empty',
          blocks,
          message: context.t(provider.emptyMessage),
        };
  }

  /** Staff read every department or the one they pick; heads and delegates only their own. */
  private async departmentScope(
    viewer: Actor,
    wanted: string | undefined,
  ): Promise<
    | { ok: true; departmentIds: string[] }
    | { ok: false; reason: 'otherDepartment' | 'unknownDepartment' }
  > {
    if (allows(Audience.staff, viewer.role)) {
      const all = (await this.directory.listDepartments()).map((d) => d.id);
      if (wanted === undefined) return { ok: true, departmentIds: all };
      return all.includes(wanted)
        ? { ok: true, departmentIds: [wanted] }
        : { ok: false, reason: 'unknownDepartment' };
    }
    const own = allows(Audience.departments, viewer.role) ? viewer.person?.departmentId : undefined;
    if (wanted !== undefined && wanted !== own) return { ok: false, reason: 'otherDepartment' };
    return { ok: true, departmentIds: own ? [own] : [] };
  }
}
