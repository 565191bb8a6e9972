import { spawn } from 'node:child_process';

export interface BrowserCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** How this platform opens a URL in the person's default browser. */
export function browserCommand(platform: NodeJS.Platform, url: string): BrowserCommand {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
      return { command: 'cmd', args: ['/c', 'start', '""', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/**
 * Opens the URL in the system browser if this machine has a way to. The server keeps running
 * either way: the ready line already shows the address, so a missing opener only earns a hint.
 */
export function openBrowser(url: string, onUnavailable: (message: string) => void): void {
  const { command, args } = browserCommand(process.platform, url);
  const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: process.platform === 'win32' });
  child.on('error', () => onUnavailable(`Could not start ${command} to open a browser; open the address above in one yourself.`));
  child.unref();
}
