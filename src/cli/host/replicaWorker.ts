import { parentPort } from 'node:worker_threads';
import { type ReplicaTask, runReplica } from '../../core';
import type { WorkerReply } from './replicaPool';

/** Runs each task it is sent and posts back its result (or the error's message). */
const port = parentPort;
if (port === null) throw new Error('replicaWorker.ts runs only as a worker thread');
port.on('message', (task: ReplicaTask) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: runReplica(task) };
  } catch (error) {
    reply = { ok: false, index: task.index, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
