/**
 * Whether `npm start` may open a browser: on Linux only with a desktop session (DISPLAY or
 * WAYLAND_DISPLAY) and `xdg-open` on the PATH; elsewhere (macOS, Windows) always. On a server
 * without a desktop the preview then just prints its address instead of an xdg-open stack trace.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.CI) return false;
  if (platform !== 'linux') return true;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'xdg-open')));
}
