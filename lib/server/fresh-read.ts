/**
 * One read shared by every caller who needs a value at least as new as the moment they asked:
 * a caller joins the next read to start after its call — never one already under way, which may
 * have taken its snapshot before a write the caller has seen — and every caller who arrives while a
 * read is under way shares that next one. Under load the read runs about once per its own round
 * trip instead of once per caller; a caller who finds nothing under way starts one at once.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running = false;
  let next: { promise: Promise<T>; start(): void } | null = null;

  const start = (): Promise<T> => {
    running = true;
    const promise = read();
    const settled = () => {
      running = false;
      const queued = next;
      next = null;
      queued?.start();
    };
    promise.then(settled, settled);
    return promise;
  };

  return () => {
    if (!running) return start();
    if (!next) {
      let begin: () => void = () => {};
      const promise = new Promise<T>((resolve, reject) => {
        begin = () => start().then(resolve, reject);
      });
      next = { promise, start: begin };
    }
    return next.promise;
  };
}
