/**
 * A real headless browser for end-to-end tests: Debian's chromium (`apt-get install chromium`,
 * installed by .ci/run) driven over CDP by playwright-core. Each launch gets a fresh profile
 * (--user-data-dir in a temp directory, removed on close).
 *
 * The flags keep Chromium off the network except for the pages a test opens: this machine's
 * closed network refuses background connections (QUIC, component updates, sync, …) and
 * Chromium stalls or logs errors otherwise.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env['IGSQL_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why browser tests must be skipped, or undefined when Chromium is there. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set IGSQL_CHROMIUM`;
}

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new tab. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Accept self-signed certificates (stands for the user clicking through the warning). */
  ignoreHTTPSErrors?: boolean;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const profile = await mkdtemp(join(tmpdir(), 'igsql-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: [...CHROMIUM_FLAGS],
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    timeout: 60_000,
  });
  return {
    context,
    page: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
