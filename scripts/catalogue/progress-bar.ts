// A progress bar on stderr: redrawn in place on a terminal, a line per tenth when stderr is a file or a pipe.

export class ProgressBar {
  private lastTenth = -1;
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  /** `total` 0: not known yet; the count alone is shown (elements read from a file). */
  update(label: string, done: number, total: number, unit: 'elements' | 'places'): void {
    if (total === 0) return this.count(label, done, unit);
    const share = Math.min(1, done / total);
    const amount = `${done}/${total} ${unit}`;
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

  private count(label: string, done: number, unit: string): void {
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 80 : 2_000)) return;
    this.lastDraw = now;
    process.stderr.write(this.tty ? `\r${label.padEnd(10)} ${done} ${unit}   ` : `${label} ${done} ${unit}\n`);
  }

  phase(label: string): void {
    this.lastTenth = -1;
    if (this.tty) process.stderr.write('\n');
    process.stderr.write(`${label}…\n`);
  }
}
