import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so read after the ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Is a process with this id running (signal 0 checks without sending anything)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` runs this script through npm and tsx; a SIGTERM sent to npm ends npm without passing
 * the signal on. So the process that launched tsx is watched: when it is gone, `onGone` runs (the
 * app and the database stop instead of living on as orphans). Linux only (/proc); a no-op elsewhere.
 */
export function watchLauncher(onGone: () => void) {
  const launcher = parentOf(process.ppid);
  if (!launcher || launcher <= 1) return;
  const timer = setInterval(() => {
    if (!isAlive(launcher) || parentOf(process.ppid) !== launcher) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
}
