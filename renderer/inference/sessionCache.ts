import type { ort } from './ortRuntime';
import { createSession } from './ortRuntime';
import type { ModelRef } from './workerProtocol';

/** Sessions a worker keeps loaded, newest last; graphs are large, so only a few. */
const MAX_SESSIONS = 2;
const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** The session for `model`, creating it from the bytes sent with the request when it is new. */
export function sessionFor(model: ModelRef): Promise<ort.InferenceSession> {
  const cached = sessions.get(model.key);
  if (cached) {
    sessions.delete(model.key);
    sessions.set(model.key, cached);
    return cached;
  }
  if (!model.bytes) throw new Error(`The worker holds no session for ${model.key} and was sent no model bytes.`);
  const created = createSession(model.bytes);
  created.catch(() => sessions.delete(model.key));
  sessions.set(model.key, created);
  while (sessions.size > MAX_SESSIONS) {
    const [oldestKey, oldest] = sessions.entries().next().value!;
    sessions.delete(oldestKey);
    void oldest.then((s) => s.release(), () => undefined);
  }
  return created;
}
