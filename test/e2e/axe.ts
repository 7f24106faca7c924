import axe from 'axe-core';
import type { Page } from 'playwright-core';

interface Violation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly targets: string[];
}

/** axe-core on the page (or on the part `include` selects): every violation it finds. */
async function violations(page: Page, include?: string): Promise<Violation[]> {
  // Evaluated over the DevTools protocol, not as an inline <script>: the app's CSP (issue 12) blocks those.
  await page.evaluate(axe.source);
  return page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const found = await run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return found.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, include);
}

/** The serious and critical violations, as "rule: target" lines. Every page test asks for an empty list. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const found = await violations(page, include);
  // Issue 14: heading levels in order on every page. axe rates a skipped level "moderate" (a best practice), so it is named here.
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
    .map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/**
 * Every violation, of any impact (minor and moderate too), as "rule (impact): target" lines.
 * The client's pages ask for none at all (issue 14).
 */
export async function allViolations(page: Page, include?: string): Promise<string[]> {
  const found = await violations(page, include);
  return found.map((v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.targets.join(', ')}`);
}
