/** `npm start` opens a browser only where one can be opened. */
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canOpenBrowser } from '../../preview/can-open-browser.ts';

describe('preview: opening a browser', () => {
  const bin = mkdtempSync(join(tmpdir(), 'xdg-'));
  writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\n');
  chmodSync(join(bin, 'xdg-open'), 0o755);

  it('does not on Linux without a desktop, nor without xdg-open, nor in CI', () => {
    expect(canOpenBrowser({ PATH: bin }, 'linux')).toBe(false);
    expect(canOpenBrowser({ PATH: '/nonexistent', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(canOpenBrowser({ PATH: bin, DISPLAY: ':0', CI: 'true' }, 'linux')).toBe(false);
  });

  it('does on a Linux desktop with xdg-open, and on macOS and Windows', () => {
    expect(canOpenBrowser({ PATH: bin, DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ PATH: bin, WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({}, 'darwin')).toBe(true);
    expect(canOpenBrowser({}, 'win32')).toBe(true);
  });
});
