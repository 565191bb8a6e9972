import { describe, expect, it } from 'vitest';
import { dataDirFlag } from './data-dir-flag';

describe('dataDirFlag', () => {
  it('finds the flag among Electron’s own arguments, in either form', () => {
    expect(dataDirFlag(['/usr/bin/electron', '/repo', '--data-dir', '/tmp/nb'])).toBe('/tmp/nb');
    expect(dataDirFlag(['/opt/Notebook/notebook', '--enable-logging', '--data-dir=/tmp/with space'])).toBe('/tmp/with space');
  });

  it('is null when the flag is absent or has no value', () => {
    expect(dataDirFlag(['/usr/bin/electron', '/repo', '--no-sandbox-not-ours'])).toBeNull();
    expect(dataDirFlag(['/usr/bin/electron', '/repo', '--data-dir'])).toBeNull();
    expect(dataDirFlag(['/usr/bin/electron', '/repo', '--data-dir', '--enable-logging'])).toBeNull();
  });
});
