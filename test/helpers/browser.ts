// Headless Chromium for the console's end-to-end tests: Debian's `chromium` driven by playwright-core.
// Without it the tests fail with a clear message (never skip): CI installs it (.ci/run).
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: the console's end-to-end tests need Debian's chromium ` +
        '(apt-get install -y chromium; .ci/run installs it)',
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * A browser context that may reach only `origin`: every other request is aborted and remembered, so a
 * test can assert the page asked for nothing from the internet. JavaScript errors are remembered too.
 */
export async function offlineContext(
  browser: Browser,
  origin: string,
  opts: { viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<{ context: BrowserContext; outside: string[]; pageErrors: string[]; newPage(): Promise<Page> }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    isMobile: opts.isMobile,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    outside,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    },
  };
}

/** The page as staff see it on a desk (1280 px) and on a phone (390 px): NAME.png and NAME-390.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  const sizes = [
    ['', { width: 1280, height: 900 }],
    ['-390', { width: 390, height: 844 }],
  ] as const;
  for (const [suffix, size] of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}${suffix}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
