import { parentPort, workerData } from 'node:worker_threads';
import { readMinutes, type ReadOptions } from './read-minutes.js';

// Runs the reader off the main thread (see off-thread.ts).
const { text, options } = workerData as { text: string; options: ReadOptions };
parentPort?.postMessage(readMinutes(text, options));
