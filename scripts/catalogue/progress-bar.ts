// A progress bar on stderr: redrawn in place on a terminal, a line per tenth when stderr is a file or a pipe.

export class ProgressBar {
  private lastTenth = -1;
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  update(label: string, done: number, total: number, unit: 'bytes' | 'places'): void {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const amount = unit === 'bytes' ? `${(done / 1048576).toFixed(1)}/${(total / 1048576).toFixed(1)} MiB` : `${done}/${total} places`;
    if (this.tty) {
      const now = Date.now();
      if (now - this.lastDraw < 80 && done < total) return;
      this.lastDraw = now;
      const width = 30;
      const full = Math.round(share * width);
      process.stderr.write(`\r${label.padEnd(10)} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)} % ${amount}   `);
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    process.stderr.write(`${label} ${tenth * 10} % (${amount})\n`);
  }

  phase(label: string): void {
    this.lastTenth = -1;
    if (this.tty) process.stderr.write('\n');
    process.stderr.write(`${label}…\n`);
  }
}
