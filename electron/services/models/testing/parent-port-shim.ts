/**
 * Loaded with `--import` before the inference process's entry: stands in for Electron's utility
 * process `process.parentPort` (messages arrive as `{ data }` events; replies go by postMessage)
 * over a Node IPC channel, and removes `process.send`, so the entry must take its Electron branch.
 */
type Listener = (event: { data: unknown }) => void;

const send = process.send!.bind(process);
const listeners: Listener[] = [];
process.on('message', (data) => listeners.forEach((listener) => listener({ data })));
(process as unknown as { parentPort: unknown }).parentPort = {
  on: (event: string, listener: Listener) => {
    if (event === 'message') listeners.push(listener);
  },
  postMessage: (message: unknown) => send(message as never),
};
delete (process as { send?: unknown }).send;
