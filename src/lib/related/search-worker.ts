// Worker entry for searchMany (shared-search.ts): runs searches over the shared tables until none is
// left, then ends. Everything it needs comes in workerData; results go into shared memory.
import { workerData } from 'node:worker_threads';
import { workerRun, type WorkerInput } from './shared-search.ts';

workerRun(workerData as WorkerInput);
