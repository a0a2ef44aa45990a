/**
 * Opening the consent page in the user's browser, only where a browser can show up: macOS,
 * Windows, or a Unix session with DISPLAY or WAYLAND_DISPLAY. Elsewhere (a server, a container,
 * ssh without X forwarding) the URL is printed instead.
 */
import { spawn } from 'node:child_process';

export interface BrowserEnvironment {
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
}

export function hasDisplay(environment: BrowserEnvironment = {}): boolean {
  const platform = environment.platform ?? process.platform;
  const env = environment.env ?? process.env;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/** The opener command for a platform: open (macOS), start (Windows), xdg-open (others). */
export function openerCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; the empty "" is the window title, so a quoted URL is not taken for it.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Starts the opener detached; resolves true when it started, false when it could not (no
 * display, the command is missing). Never throws: the caller prints the URL either way.
 */
export function openBrowser(url: string, environment: BrowserEnvironment = {}): Promise<boolean> {
  if (!hasDisplay(environment)) return Promise.resolve(false);
  const { command, args } = openerCommand(url, environment.platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
