// Worker entry for stampFilesInWorker (stamp-files.ts): stamps the files it is handed.
import { parentPort, workerData } from 'node:worker_threads';
import { stampFiles } from './stamp-files.ts';

const { directory, files } = workerData as { directory: string; files: string[] };
parentPort?.postMessage(stampFiles(directory, files));
