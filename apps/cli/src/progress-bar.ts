/** A one-line progress bar on stderr for long exports and verifications; silent when stderr is not a terminal. */
export const progressBar = (label: string) => {
  const tty = process.stderr.isTTY;
  return (done: number, total: number) => {
    if (!tty) return;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
};
