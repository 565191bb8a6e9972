import { describe, expect, it } from 'vitest';
import { parseServerArgs, SERVER_HELP } from './args';

describe('parseServerArgs', () => {
  it('asks for a free port, the default data directory and a browser when given nothing', () => {
    expect(parseServerArgs([])).toEqual({ ok: true, args: { port: 0, dataDir: null, openBrowser: true } });
  });

  it('reads every flag, separated or joined with =', () => {
    expect(parseServerArgs(['--port', '8123', '--data-dir', '/tmp/nb', '--no-open'])).toEqual({
      ok: true,
      args: { port: 8123, dataDir: '/tmp/nb', openBrowser: false },
    });
    expect(parseServerArgs(['--port=0', '--data-dir=/tmp/with space'])).toEqual({
      ok: true,
      args: { port: 0, dataDir: '/tmp/with space', openBrowser: true },
    });
  });

  it.each([
    [['--port'], '--port needs a whole number'],
    [['--port', '65536'], '--port needs a whole number'],
    [['--port', '-1'], '--port needs a whole number'],
    [['--port', '80.5'], '--port needs a whole number'],
    [['--port', '--no-open'], '--port needs a whole number'],
    [['--data-dir'], '--data-dir needs the path'],
    [['--data-dir='], '--data-dir needs the path'],
    [['--no-open=yes'], '--no-open takes no value'],
    [['--open'], 'Unknown argument "--open". Usage:'],
    [['serve'], 'Unknown argument "serve". Usage:'],
  ])('refuses %j with a sentence naming the argument', (argv, message) => {
    const parsed = parseServerArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it.each([[['--help']], [['-h']], [['--port', '8123', '-h']], [['--bogus', '--help']]])('answers %j with the help, whatever else is given', (argv) => {
    expect(parseServerArgs(argv)).toEqual({ ok: true, help: SERVER_HELP });
  });

  it('lists every flag it accepts, in the form a person types', () => {
    expect(SERVER_HELP).toMatch(/^Usage: npm run serve -- /);
    for (const flag of ['--port N', '--data-dir DIR', '--no-open', '-h, --help']) expect(SERVER_HELP).toContain(flag);
    // Each listed flag is one the parser takes.
    const listed = [...SERVER_HELP.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1] ?? '');
    expect(listed).toEqual(['--port', '--data-dir', '--no-open']);
    expect(parseServerArgs(['--port', '1', '--data-dir', '/tmp/x', '--no-open']).ok).toBe(true);
  });
});
