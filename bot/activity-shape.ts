import { z } from 'zod';

const account = z.object({ id: z.string().min(1) }).passthrough();

/**
 * The least an incoming activity must have for the bot to answer it at all.
 * CloudAdapter assumes these and fails with a 500 on anything else (found by
 * the fuzz tests); such a request is the sender's mistake, so it gets a 400.
 */
export const incomingActivity = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL'),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: account,
    recipient: account,
    text: z.string().optional(),
    locale: z.string().optional(),
    name: z.string().optional(),
  })
  .passthrough();

/** A readable reason why a body is not an activity, or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  const parsed = incomingActivity.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
