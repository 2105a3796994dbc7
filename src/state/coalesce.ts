/**
 * Coalesces a stream of messages so the page redraws a few times a second at most: messages queue up and
 * are delivered together, in order, after `intervalMs`; urgent ones flush the queue at once.
 */
export function coalesce<T>(deliver: (batch: T[]) => void, urgent: (msg: T) => boolean, intervalMs = 150): (msg: T) => void {
  let queue: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length) deliver(batch);
  };
  return (msg) => {
    queue.push(msg);
    if (urgent(msg)) flush();
    else if (timer === null) timer = setTimeout(flush, intervalMs);
  };
}
