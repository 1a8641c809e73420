import { parentPort } from 'node:worker_threads';
import { runWorkerTask, type WorkerReply, type WorkerTask } from './replicaPool';

/** Runs each task it is sent and posts back its result (or the error's message). */
const port = parentPort;
if (port === null) throw new Error('replicaWorker.ts runs only as a worker thread');
port.on('message', (message: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: runWorkerTask(message) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    reply = { ok: false, index: message.task.index, message: text };
  }
  port.postMessage(reply);
});
