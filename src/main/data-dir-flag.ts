/**
 * The value of `--data-dir DIR` or `--data-dir=DIR` on Electron's command line, or null. Electron's
 * argv also holds the executable, the app path and Chromium switches, which are left alone.
 */
export function dataDirFlag(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      return value === undefined || value.startsWith('--') ? null : value;
    }
  }
  return null;
}
