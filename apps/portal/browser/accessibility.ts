import axe, { type AxeResults } from 'axe-core';
import { type Page } from 'playwright-core';

/** The impacts a page may not have: a serious or critical violation blocks a user of assistive technology. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The page as it stands checked by axe-core (WCAG 2.1 A and AA rules): each serious or critical violation as
 * "rule: help (where)", none when the page passes.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<AxeResults>(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')})`,
    );
}
