/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal
 * (never into logs or pipes) and only for runs long enough to need one.
 */
export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  minTotal = 20,
): { update: (done: number, total: number, stage: string) => void; done: () => void } {
  const enabled = Boolean(stream.isTTY);
  let drawn = false;
  let last = 0;
  return {
    update(done, total, stage) {
      if (!enabled || total < minTotal) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${stage}: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
