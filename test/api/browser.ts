import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import type { LocalStack } from '../../local/stack';

/** Screenshots of every view go here, for a person to look at. */
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/api');
/** Debian's chromium (test/needs.js checks the same path before any test runs). */
const CHROMIUM = process.env.OGI_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PageSession {
  api: LocalApi;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page: a test ends by expecting none. */
  pageErrors: string[];
  /** Navigates to a view (`findings?year=2024`) and waits until it has rendered. */
  open(hash: string): Promise<void>;
  close(): Promise<void>;
}

/** The local API in front of a running stack, and the officers' page in Debian's chromium. */
export async function openPage(stack: LocalStack): Promise<PageSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const api = await startApiServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    api,
    browser,
    page,
    pageErrors,
    async open(hash) {
      await page.goto(`${api.url}#/${hash}`);
      await page.waitForSelector('main#view > section');
    },
    async close() {
      await browser.close();
      await api.close();
      await stack.stop();
    },
  };
}
