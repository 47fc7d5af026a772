/** A one-line progress bar on a terminal (plain log lines elsewhere), by bytes processed. */
export function progressBar(total: number, label: string) {
  const tty = process.stderr.isTTY;
  let done = 0;
  const started = Date.now();
  const draw = () => {
    if (!tty || total === 0) return;
    const share = Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(share * width);
    const rate = done / 1e6 / Math.max(0.001, (Date.now() - started) / 1000);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${rate.toFixed(1)} MB/s`,
    );
  };
  return {
    advance(bytes: number) {
      done += bytes;
      draw();
    },
    log(line: string) {
      if (tty) process.stderr.write('\r\x1b[K');
      console.log(line);
      draw();
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
