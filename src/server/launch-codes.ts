import { randomBytes } from 'node:crypto';

/** Where the browser is sent with a launch code (GET /launch?code=…). */
export const LAUNCH_PATH = '/launch';
const CODE_LIFETIME_MS = 2 * 60_000;

/**
 * One-time codes that open Notebook in the browser. The command that opens the browser is visible
 * to every user of the machine (ps, /proc/<pid>/cmdline), so it must not carry the session token:
 * it carries a code instead, which the server trades once, within two minutes, for a redirect to
 * the page with the token. A code read off the command line afterwards is worthless.
 */
export class LaunchCodes {
  readonly #expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.#expiries.set(code, this.now() + CODE_LIFETIME_MS);
    return code;
  }

  /** True once for a code this server issued less than two minutes ago; false ever after. */
  redeem(code: string): boolean {
    const expiry = this.#expiries.get(code);
    this.#expiries.delete(code);
    return expiry !== undefined && this.now() <= expiry;
  }
}
