import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly headless Chromium in CI containers. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `use` with a page of a fresh headless Chromium (its own temporary profile directory, given
 * to Chromium as --user-data-dir by playwright), then closes it and removes the profile.
 * `hostsOf127` names hosts the browser resolves to 127.0.0.1, to load pages as a server reached by a
 * name other than localhost (browsers treat localhost specially, e.g. never upgrade it to https).
 */
export async function withChromiumPage<T>(use: (page: Page) => Promise<T>, options: { readonly hostsOf127?: readonly string[] } = {}): Promise<T> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run scripts/install-system-deps.sh (as root) to install chromium`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'hdoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.hostsOf127 === undefined ? [] : [`--host-resolver-rules=${options.hostsOf127.map((host) => `MAP ${host} 127.0.0.1`).join(',')}`]),
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await use(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
