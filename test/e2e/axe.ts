import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core on the page (or on the part `include` selects): the serious and critical violations,
 * as "rule: target" lines. Every page test asks for an empty list.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // Evaluated over the DevTools protocol, not as an inline <script>: the app's CSP (issue 12) blocks those.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const found = await run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return found.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, include);
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
