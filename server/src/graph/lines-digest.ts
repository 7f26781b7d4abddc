/**
 * An order-free digest of a multiset of lines (one per record of the graph: a place, an interaction…),
 * kept up to date one line at a time: adding a record adds its line's hash, changing it takes the old
 * line's out first. Two graphs holding the same records have the same digest, however they got there.
 *
 * It replaces a SHA-256 over every line sorted, recomputed after each change: at a million places and ten
 * million interactions that meant building and sorting eleven million strings on a health check. Two
 * 32-bit lanes summed modulo 2³² each tell different graphs apart by accident with odds of about 2⁻⁶⁴ per
 * comparison; this compares instances of one deployment, it is no defence against a forger.
 */
export class LinesDigest {
  private laneA = 0;
  private laneB = 0;
  private lines = 0;
  private hashA = 0;
  private hashB = 0;

  private hash(line: string): void {
    // FNV-1a over the UTF-16 code units, two offset bases and multipliers, each finished with Murmur3's
    // avalanche so that nearby lines land far apart.
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    this.hashA = fmix(a);
    this.hashB = fmix(b ^ line.length);
  }

  add(line: string): void {
    this.hash(line);
    this.laneA = (this.laneA + this.hashA) >>> 0;
    this.laneB = (this.laneB + this.hashB) >>> 0;
    this.lines++;
  }

  remove(line: string): void {
    this.hash(line);
    this.laneA = (this.laneA - this.hashA) >>> 0;
    this.laneB = (this.laneB - this.hashB) >>> 0;
    this.lines--;
  }

  /** 16 hex digits. */
  value(): string {
    const mixed = fmix((this.laneA ^ Math.imul(this.lines, 0x9e3779b1)) >>> 0);
    return hex(mixed) + hex(this.laneB);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');
