import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './build-site.ts';

let axeSource: Promise<string> | undefined;

/**
 * The accessibility violations axe finds on the page, one line each:
 * `rule-id: selector, selector`. axe is evaluated through the debugging
 * protocol, so the page's policy (no inline scripts) still holds for the page itself.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
