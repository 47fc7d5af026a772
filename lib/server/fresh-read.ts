/**
 * One read shared by every caller who needs a value at least as new as the moment they asked:
 * a caller joins the next read to start after its call — never one already under way, which may
 * have taken its snapshot before a write the caller has seen — and every caller who arrives while a
 * read is under way shares that next one. Under load the read runs about once per its own round
 * trip instead of once per caller; a caller who finds nothing under way starts one at once.
 *
 * A read that takes an argument (e.g. "events after n") runs the queued read with the callers'
 * arguments combined by `merge` (e.g. the smallest n), so that it serves every one of them;
 * `onIdle` is called when a read ends with none queued behind it.
 */
export function freshRead<T, A = void>(
  read: (arg: A) => Promise<T>,
  merge: (queued: A, asked: A) => A = (queued) => queued,
  onIdle?: () => void,
): (arg: A) => Promise<T> {
  let running = false;
  let next: { arg: A; promise: Promise<T>; start(): void } | null = null;

  const start = (arg: A): Promise<T> => {
    running = true;
    const promise = read(arg);
    const settled = () => {
      running = false;
      const queued = next;
      next = null;
      if (queued) queued.start();
      else onIdle?.();
    };
    promise.then(settled, settled);
    return promise;
  };

  return (arg: A) => {
    if (!running) return start(arg);
    if (next) {
      next.arg = merge(next.arg, arg);
      return next.promise;
    }
    let begin: () => void = () => {};
    const promise = new Promise<T>((resolve, reject) => {
      begin = () => start(queued.arg).then(resolve, reject);
    });
    const queued = { arg, promise, start: () => begin() };
    next = queued;
    return promise;
  };
}
