import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

// Vitest runs a setup file before each test file and gives its top-level hooks to that file, so
// this runs once the file's tests and its own afterAll hooks (servers closed first) are done.
afterAll(removeTempDirs);
