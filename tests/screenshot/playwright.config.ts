import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The README screenshot, kept out of the normal end-to-end run (it rewrites docs/screenshot.png):
 * `npm run build && npx playwright test -c tests/screenshot`.
 */
export default defineConfig(base, { testDir: '.' });
