import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteInBackground } from '../../src/integrations/staged-output.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('deleting a replaced site in the background', () => {
  it('deletes the folder in a process of its own, at the lowest priority, so publishes after it keep the cores', async () => {
    const folder = path.join(makeTempDir('warta-trash-'), 'dist.trash-1-1');
    fs.mkdirSync(path.join(folder, 'berita', 'a'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'berita', 'a', 'index.html'), 'the previous site');
    const pid = deleteInBackground(folder);
    expect(pid).toBeGreaterThan(0);
    // Read at once: the process has only just started (Node alone takes tens of milliseconds to).
    expect(os.getPriority(pid)).toBe(os.constants.priority.PRIORITY_LOW);
    await expect.poll(() => fs.existsSync(folder), { timeout: 20_000, interval: 50 }).toBe(false);
  });
});
