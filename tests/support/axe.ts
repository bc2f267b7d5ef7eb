/**
 * axe-core in a page of the tab (Chromium e2e): the serious and critical violations, with the
 * exclusions every page test shares. Left out: tabster's focus sentinels (`data-tabster-dummy`,
 * aria-hidden `<i tabindex=0>` that Fluent's focus management moves through at once; axe's
 * aria-hidden-focus is a known false positive on them) and, unless asked, the dev-only role switcher.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

/** Serious and critical axe violations on `page`; `checkRoleSwitcher` keeps the dev-only switcher in scope. */
export async function seriousViolations(page: Page, options: { checkRoleSwitcher?: boolean } = {}): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const exclude = options.checkRoleSwitcher ? [['[data-tabster-dummy]']] : [['[data-tabster-dummy]'], ['[data-testid="role-switcher"]']];
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['body']], exclude: excluded }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, exclude);
}
