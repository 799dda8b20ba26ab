/**
 * Worker-thread entry of the analysis pool (loaded from the compiled dist/, see analysis-pool.ts).
 * Runs one task at a time and answers with the result's buffer transferred back.
 */
import { parentPort } from 'node:worker_threads';
import { ResultMessage, runTask, TaskMessage } from './tasks';

if (!parentPort) throw new Error('analysis worker: must run in a worker thread');
const port = parentPort;

port.on('message', (task: TaskMessage) => {
  let reply: ResultMessage;
  try {
    const output = runTask(task.algorithm, task.csr, task.options as never);
    reply = { id: task.id, ok: true, output };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ id: task.id, ok: false, error: { name: e.name, message: e.message } } satisfies ResultMessage);
    return;
  }
  const buffer = 'scores' in reply.output ? reply.output.scores.buffer : reply.output.labels.buffer;
  port.postMessage(reply, [buffer as ArrayBuffer]);
});
