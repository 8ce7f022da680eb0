import type { Page } from '@playwright/test';

/**
 * A contract call from inside the page, as the app's own transport makes it: the session
 * token the page keeps in sessionStorage goes in the header (the host has no cookie), so a
 * spec reads state with exactly the credentials the UI has.
 */
export async function pageApi<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(async ([c, i]) => {
    const headers = { 'content-type': 'application/json', 'x-edition-desk': '1', 'x-edition-desk-token': sessionStorage.getItem('edition-desk-token') ?? '' };
    const r = await fetch(`/api/${c}`, { method: 'POST', headers, body: JSON.stringify(i) });
    const j = await r.json();
    if (!j.ok) throw new Error(JSON.stringify(j.error));
    return j.value;
  }, [channel, input] as const) as Promise<T>;
}
