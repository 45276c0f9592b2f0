import { z } from 'zod';
import { isQuietTime, parseQuietHours, type QuietHours } from './scheduling/calendar.js';

/** Environment variables Honbu reads, validated once at start-up. */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA time zone such as Asia/Tokyo' },
);

const localTime = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a local time such as 10:00');

/** ISO weekday order: mon = 1 … sun = 7. */
const WEEKDAYS: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  STORE_URL: z
    .string()
    .regex(/^(file:|memory:|postgres(ql)?:\/\/)/, 'must start with file:, memory: or postgres://')
    .default('file:data/honbu.json'),
  STORE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  HONBU_TIME_ZONE: timeZone.default('Asia/Tokyo'),
  SEED_DEMO: booleanString.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUIET_HOURS: z
    .string()
    .refine((v) => parseQuietHours(v) !== undefined, {
      message: 'must look like 20:00-08:00, or be off',
    })
    .default('20:00-08:00'),
  SCHEDULER_TICK_MS: z.coerce.number().int().min(0).default(15000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  PUBLIC_BASE_URL: z.string().url().optional(),
  LINK_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SURVEY_NUDGE_BUSINESS_DAYS: z
    .string()
    .regex(/^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/, 'must be business days such as 3,1')
    .default('3,1'),
  SURVEY_NUDGE_TIME: localTime.default('10:00'),
  ITEM_DIGEST_DAY: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => WEEKDAYS.includes(v), { message: 'must be a weekday: mon, tue, … sun' })
    .default('mon'),
  ITEM_DIGEST_TIME: localTime.default('09:00'),
  ITEM_PING_TIME: localTime.default('09:00'),
  ITEM_DUE_SOON_BUSINESS_DAYS: z.coerce.number().int().min(1).max(20).default(2),
  ITEM_ESCALATE_AFTER_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  BotOpenIdMetadata: z.string().url().optional(),
  TAB_SSO_TENANT_ID: z.string().optional(),
  TAB_SSO_APP_ID_URI: z
    .string()
    .regex(/^api:\/\/\S+$/, 'must be an application id URI such as api://honbu.example.jp/<app id>')
    .optional(),
  TAB_SSO_KEYS_URL: z.string().url().optional(),
  TAB_DEV_SIGNIN: booleanString.default('false'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  storeUrl: string;
  /** Most PostgreSQL connections one instance holds open. */
  storePoolSize: number;
  timeZone: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  maxBodyBytes: number;
  /** No 1:1 pings in this local-time window; null when switched off. */
  quietHours: QuietHours | null;
  /** How often the scheduler looks for due jobs; 0 = only when told (tests). */
  schedulerTickMs: number;
  publicBaseUrl: string | undefined;
  /** Key for signed download links; undefined = a random one per process. */
  linkSigningSecret: string | undefined;
  /** Default reminder points of a new survey: business days before its deadline. */
  surveyNudgeBusinessDays: readonly number[];
  /** Local time of day survey reminders are sent. */
  surveyNudgeTime: Readonly<{ hour: number; minute: number }>;
  itemPings: ItemPingConfig;
  botAuth: Readonly<{
    appId: string;
    appPassword: string;
    appType: string;
    tenantId: string;
    /** Where the Bot Framework's token signing keys are described; undefined = the public cloud's. */
    openIdMetadataUrl?: string | undefined;
  }>;
  tab: TabConfig;
}>;

/** When action-item owners are pinged (src/items/pings.ts); all times are local. */
export type ItemPingConfig = Readonly<{
  /** ISO weekday of the weekly digest (1 = Monday); a holiday moves it to the next business day. */
  digestWeekday: number;
  digestTime: Readonly<{ hour: number; minute: number }>;
  /** Time of the business-day pings (due soon, overdue, follow-up) and of the escalation. */
  pingTime: Readonly<{ hour: number; minute: number }>;
  /** The due-soon ping goes out this many business days before the due date. */
  dueSoonBusinessDays: number;
  /** Items overdue by at least this many business days are listed to the secretariat. */
  escalateAfterBusinessDays: number;
}>;

/** How the dashboard tab's API authenticates its callers. */
export type TabConfig = Readonly<{
  /** Teams single sign-on; undefined (every SSO token refused) until app id and tenant are set. */
  sso: TabSsoConfig | undefined;
  /** Development sign-in outside Teams (pick a directory person). Never enable in production. */
  devSignIn: boolean;
}>;

export type TabSsoConfig = Readonly<{
  /** The Entra app (client) id; v2 tokens carry it as audience. */
  appId: string;
  /** The application id URI, `api://<host>/<app id>`; v1 tokens carry it as audience. */
  appIdUri: string;
  tenantId: string;
  /** Where the tenant's token signing keys (JWKS) are published. */
  keysUrl: string;
}>;

/** Teams SSO expects the application id URI `api://<host of the tab>/<app id>`. */
export function defaultAppIdUri(publicBaseUrl: string, appId: string): string {
  return `api://${new URL(publicBaseUrl).host}/${appId}`;
}

export class ConfigError extends Error {}

/** Reads the configuration; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const withoutBlanks = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const quietHours = parseQuietHours(e.QUIET_HOURS) ?? null;
  // A ping time inside quiet hours would be held until the next morning, where it
  // meets the next day's pings; refuse it rather than send two at once.
  const quietPings = (['ITEM_DIGEST_TIME', 'ITEM_PING_TIME'] as const).filter((name) => {
    const { hour, minute } = parseLocalTime(e[name]);
    return isQuietTime(quietHours, hour, minute);
  });
  if (quietPings.length > 0) {
    const problems = quietPings.map(
      (name) => `  ${name}: ${e[name]} is inside QUIET_HOURS (${e.QUIET_HOURS})`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  if (e.TAB_DEV_SIGNIN) {
    const exposure = devSignInExposure(e.MicrosoftAppId, e.PUBLIC_BASE_URL);
    if (exposure)
      throw new ConfigError(
        `Invalid configuration:\n  TAB_DEV_SIGNIN: lets anyone act as any directory person without a password, ` +
          `so it is refused when ${exposure}. It is for a local demo only: unset it.`,
      );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    storeUrl: e.STORE_URL,
    storePoolSize: e.STORE_POOL_SIZE,
    timeZone: e.HONBU_TIME_ZONE,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    quietHours,
    schedulerTickMs: e.SCHEDULER_TICK_MS,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    linkSigningSecret: e.LINK_SIGNING_SECRET,
    surveyNudgeBusinessDays: parseBusinessDays(e.SURVEY_NUDGE_BUSINESS_DAYS),
    surveyNudgeTime: parseLocalTime(e.SURVEY_NUDGE_TIME),
    itemPings: {
      digestWeekday: WEEKDAYS.indexOf(e.ITEM_DIGEST_DAY) + 1,
      digestTime: parseLocalTime(e.ITEM_DIGEST_TIME),
      pingTime: parseLocalTime(e.ITEM_PING_TIME),
      dueSoonBusinessDays: e.ITEM_DUE_SOON_BUSINESS_DAYS,
      escalateAfterBusinessDays: e.ITEM_ESCALATE_AFTER_BUSINESS_DAYS,
    },
    botAuth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BotOpenIdMetadata,
    },
    tab: { sso: ssoConfig(e), devSignIn: e.TAB_DEV_SIGNIN },
  };
}

function ssoConfig(e: z.infer<typeof envSchema>): TabSsoConfig | undefined {
  const tenantId = e.TAB_SSO_TENANT_ID ?? e.MicrosoftAppTenantId;
  const appIdUri =
    e.TAB_SSO_APP_ID_URI ??
    (e.PUBLIC_BASE_URL && e.MicrosoftAppId
      ? defaultAppIdUri(e.PUBLIC_BASE_URL, e.MicrosoftAppId)
      : undefined);
  if (!e.MicrosoftAppId || !tenantId || !appIdUri) return undefined;
  return {
    appId: e.MicrosoftAppId,
    appIdUri,
    tenantId,
    keysUrl:
      e.TAB_SSO_KEYS_URL ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
  };
}

/**
 * Why development sign-in would be reachable by others, or undefined when this is
 * a local set-up: an app id means a bot registered with Teams, and a public base
 * URL off this machine means people are meant to reach it.
 */
function devSignInExposure(appId: string, publicBaseUrl: string | undefined): string | undefined {
  if (appId) return 'MicrosoftAppId is set';
  if (publicBaseUrl && !isLoopbackHost(new URL(publicBaseUrl).hostname))
    return `PUBLIC_BASE_URL (${publicBaseUrl}) is not this machine`;
  return undefined;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * A STORE_URL fit for logs and messages: the password (and any query parameter
 * that looks like a secret) replaced by "***". A file: or memory: URL is returned as it is.
 */
export function redactStoreUrl(storeUrl: string): string {
  if (!/^postgres(ql)?:\/\//i.test(storeUrl)) return storeUrl;
  try {
    const url = new URL(storeUrl);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()])
      if (/pass|secret|key|token/i.test(key)) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    return 'postgres://(unparsable)';
  }
}

/** "3,1" → [3, 1]: distinct, largest first. */
export function parseBusinessDays(text: string): number[] {
  const days = text
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d > 0);
  return [...new Set(days)].sort((a, b) => b - a);
}

function parseLocalTime(text: string): { hour: number; minute: number } {
  const [hour, minute] = text.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}
