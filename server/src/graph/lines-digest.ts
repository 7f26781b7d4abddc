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
/** What a digest adds up: two lanes of hashes and a count of lines. */
export interface DigestSums {
  laneA: number;
  laneB: number;
  lines: number;
}

const EMPTY: DigestSums = Object.freeze({ laneA: 0, laneB: 0, lines: 0 });

export class LinesDigest {
  private laneA = 0;
  private laneB = 0;
  private lines = 0;
  private hashA = 0;
  private hashB = 0;

  // FNV-1a over the UTF-16 code units, two offset bases and multipliers, each finished with Murmur3's
  // avalanche so that nearby lines land far apart.
  private a = 0;
  private b = 0;

  private begin(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
  }

  private feed(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // A separator no code unit of a string can be, so ("ab", "c") and ("a", "bc") differ.
    this.a = Math.imul(a ^ 0x10000, 0x01000193);
    this.b = Math.imul(b ^ 0x10000, 0x5bd1e995);
  }

  private feedNumber(n: number): void {
    const high = Math.floor(n / 2 ** 32);
    const low = n >>> 0;
    this.a = Math.imul(Math.imul(this.a ^ high, 0x01000193) ^ low, 0x01000193);
    this.b = Math.imul(Math.imul(this.b ^ high, 0x5bd1e995) ^ low, 0x5bd1e995);
  }

  private finish(): void {
    this.hashA = fmix(this.a >>> 0);
    this.hashB = fmix(this.b >>> 0);
  }

  private hash(line: string): void {
    this.begin();
    this.feed(line);
    this.finish();
  }

  private apply(sign: 1 | -1): void {
    this.laneA = (this.laneA + sign * this.hashA) >>> 0;
    this.laneB = (this.laneB + sign * this.hashB) >>> 0;
    this.lines += sign;
  }

  /**
   * An interaction's record (traveller, kind, place, time) without building its line: ten million of them
   * at a build, where a line a row cost seconds of strings.
   */
  interaction(sign: 1 | -1, travellerId: string, kind: string, placeId: string, at: number): void {
    this.begin();
    this.feed(travellerId);
    this.feed(kind);
    this.feed(placeId);
    this.feedNumber(at);
    this.finish();
    this.apply(sign);
  }

  add(line: string): void {
    this.hash(line);
    this.apply(1);
  }

  remove(line: string): void {
    this.hash(line);
    this.apply(-1);
  }

  /** 16 hex digits. */
  value(): string {
    return this.valueWith(EMPTY);
  }

  /**
   * The digest of this multiset and `other` together, as if one digest had taken both sets of lines: the
   * graph keeps its interactions' lines apart, so that a snapshot can carry their sums (graph-snapshot.ts).
   */
  valueWith(other: DigestSums): string {
    const laneA = (this.laneA + other.laneA) >>> 0;
    const laneB = (this.laneB + other.laneB) >>> 0;
    const mixed = fmix((laneA ^ Math.imul(this.lines + other.lines, 0x9e3779b1)) >>> 0);
    return hex(mixed) + hex(laneB);
  }

  /** The sums so far, which `restore` takes back. */
  sums(): DigestSums {
    return { laneA: this.laneA, laneB: this.laneB, lines: this.lines };
  }

  /** Starts from sums taken by `sums` (of a digest that held nothing else). */
  restore(sums: DigestSums): void {
    this.laneA = sums.laneA >>> 0;
    this.laneB = sums.laneB >>> 0;
    this.lines = sums.lines;
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
