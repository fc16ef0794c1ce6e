import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; browser downloads do not work on these machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags this sandbox needs: no sandboxing or GPU, and no network side traffic. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with {@link CHROMIUM_FLAGS}, and `extraFlags` after them. */
export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/**
 * Takes a full-page screenshot after every picture has loaded. Lazy pictures load only near the
 * viewport, so a full-page shot taken at once shows the lower lists as empty boxes that no reader
 * ever sees; scrolling to the end first brings them (and the lazy "Terkini" frame) in.
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  await page.evaluate(async () => {
    const step = window.innerHeight;
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    // decode() settles once the picture has loaded (or failed to), whichever file the srcset chose.
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path, fullPage: true });
}
