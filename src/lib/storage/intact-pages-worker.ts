// Worker entry for checkIntactPagesInWorker (intact-pages.ts): checks the pages it is handed and
// sends back each one's inode, or 0.
import { parentPort, workerData } from 'node:worker_threads';
import { checkIntactPages, type IntactCheck } from './intact-pages.ts';

// Copied back rather than transferred: 1 MB at 125,000 pages.
const found = checkIntactPages(workerData as IntactCheck);
parentPort?.postMessage(found);
