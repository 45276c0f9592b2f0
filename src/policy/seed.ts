import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { policyContent } from './model.js';
import { SYSTEM_EDITOR, type PolicyBook } from './policy-book.js';

const demoFile = z.object({
  policies: z.array(policyContent.extend({ id: z.string().regex(/^[a-z0-9-]+$/) })),
});

/** The demo policies of the minutes (src/policy/demo-policies.json), validated. */
export function loadDemoPolicies(): z.infer<typeof demoFile>['policies'] {
  const url = new URL('./demo-policies.json', import.meta.url);
  return demoFile.parse(JSON.parse(readFileSync(url, 'utf-8'))).policies;
}

/** Adds the demo policies that are not there yet; returns how many were added. */
export async function seedDemoPolicies(book: PolicyBook): Promise<number> {
  let added = 0;
  for (const { id, ...content } of loadDemoPolicies()) {
    const result = await book.create(content, SYSTEM_EDITOR, id);
    if (result.ok) added++;
  }
  return added;
}
