import type { Locator, Page } from 'playwright-core';

/** Locators for the mini-program's H5 build, shared by the browser journeys. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const exactly = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

// Taro's H5 router keeps earlier pages of the stack in the DOM (hidden): only look at what is shown.
export function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('taro-button-core').filter({ hasText: exactly(text), visible: true });
}
export function field(page: Page, placeholder: string): Locator {
  return page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true });
}
export function chipIn(scope: Locator, text: string): Locator {
  return scope.locator('.chip').filter({ hasText: exactly(text), visible: true });
}
export function stepChip(page: Page, step: string, text: string): Locator {
  return chipIn(page.locator('.card', { has: page.getByText(step, { exact: true }) }).filter({ visible: true }), text);
}
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}
/**
 * The browser's back button, pressed once the forward transition has ended, as a person would.
 * Taro's H5 router hides the page underneath with a timer (its 300 ms animation) that a quicker back
 * does not cancel: the timer then hides the page just returned to, leaving a blank screen.
 */
export async function goBack(page: Page): Promise<void> {
  await page.locator('.taro_page.taro_page_shade').first().waitFor({ state: 'attached' });
  await page.goBack();
}
/** A full load of an H5 page (a hash change alone would keep the previous resident's app state). */
export async function openH5(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/h5/#${hash}`);
}

/**
 * Taps 微信登录（开发） and returns the user that this login created. The login's answer can arrive
 * after the click returns, so it waits (up to 30 s) for a development user newer than any before the tap.
 */
export async function devLogin(page: Page, query: <T>(sql: string, params?: unknown[]) => Promise<T[]>): Promise<{ id: number }> {
  const [{ last }] = await query<{ last: number }>(`SELECT coalesce(max(id), 0)::int AS last FROM users`);
  await button(page, '微信登录（开发）').click();
  for (let k = 0; k < 120; k++) {
    const [user] = await query<{ id: number }>(`SELECT id FROM users WHERE openid LIKE 'dev_%' AND id > $1 ORDER BY id DESC LIMIT 1`, [last]);
    if (user) return user;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the development login created no user within 30 s');
}
