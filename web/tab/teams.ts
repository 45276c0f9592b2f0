import { app, authentication } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

/** What the tab uses of its Teams host. */
export interface TeamsHost {
  readonly locale: string;
  readonly theme: Theme;
  /** Where a deep link points inside the tab (its context's sub-entity id). */
  readonly subPageId: string | undefined;
  onThemeChange(handler: (theme: Theme) => void): void;
  /** An Entra ID access token for the tab's own API (Teams single sign-on). */
  getAuthToken(): Promise<string>;
}

export function asTheme(value: string | undefined): Theme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer from a Teams host in ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Connects to Teams, or answers undefined when the page is not in Teams:
 * teams-js rejects at once in a top-level window and never answers in a frame
 * of some other page, hence the time limit.
 */
export async function connectToTeams(timeoutMs: number): Promise<TeamsHost | undefined> {
  try {
    await within(app.initialize(), timeoutMs);
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  return {
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    subPageId: context.page.subPageId,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
    getAuthToken: () => authentication.getAuthToken(),
  };
}
