import type { LaunchOptions } from '@playwright/test';

/**
 * The Chromium the end-to-end and DOM tests drive: the system's (Debian's /usr/bin/chromium, or
 * NOTEBOOK_CHROMIUM), since Playwright's own browsers are not downloaded for this project. The
 * flags keep it from reaching the network or doing background work on a shared machine.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.NOTEBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
