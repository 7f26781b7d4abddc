/**
 * Warnings about environment variables that look meant for Escale but are not read by it: a misspelt name
 * is otherwise silently ignored and its default used, which is the failure a validated configuration exists
 * to prevent. Warnings, not errors: a near name may belong to another program of the same environment.
 */

/** Prefix of Escale's own variables: anything under it that the server does not know is a mistake. */
const OWN_PREFIX = 'ESCALE_';
/** Variables of Escale's tooling rather than of the server, set beside it in CI (vitest.config.ts). */
const TOOLING_NAMES = ['ESCALE_TEST_SUMMARY'];

/** Levenshtein distance: the insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How far a name may be from a known one to be taken for a typo of it: one edit for short names (HOST and
 * HOME, two apart, are both common and unrelated), one more per five letters for long ones, so that a
 * dropped unit suffix (WS_HEARTBEAT for WS_HEARTBEAT_MS) is still caught.
 */
function typoDistance(known: string): number {
  return Math.max(1, Math.floor(known.length / 5));
}

/** The known name `name` is most likely a typo of (case aside), or null. */
function nearestKnown(name: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(name.toUpperCase(), candidate);
    if (distance <= typoDistance(candidate) && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

/** One warning per variable of `env` that is unknown under Escale's prefix, or near a known name. */
export function unknownVariableWarnings(env: Record<string, string | undefined>, known: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (known.includes(name) || TOOLING_NAMES.includes(name)) continue;
    const near = nearestKnown(name, known);
    if (near) warnings.push(`${name} is not a setting of Escale and is ignored; did you mean ${near}?`);
    else if (name.toUpperCase().startsWith(OWN_PREFIX)) warnings.push(`${name} is not a setting of Escale and is ignored (see the Configuration table of the README).`);
  }
  return warnings;
}
