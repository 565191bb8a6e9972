import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser';

const url = 'http://127.0.0.1:4100/?token=abc_-123';

describe('browserCommand', () => {
  it('uses each platform’s own opener with the URL as one argument', () => {
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('freebsd', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand('win32', url)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
  });
});
