/**
 * zod's issues as people read them: where and what, one entry per problem, and a one-line sentence. A
 * union's failure names the problem of the branch that came closest instead of zod's bare "Invalid input".
 */
import type { core } from 'zod';

export interface ValidationIssue {
  /** Dotted path to the value (`items.0.placeId`), or the caller's name for the whole input. */
  path: string;
  message: string;
}

interface Weighed {
  path: PropertyKey[];
  message: string;
  /** How far the value is from fitting: one per problem, one per unrecognised key. */
  weight: number;
}

const joinPath = (path: PropertyKey[], root: string) => path.map(String).join('.') || root;

function weigh(issue: core.$ZodIssue, prefix: PropertyKey[]): Weighed[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) return closestBranch(issue.errors, path);
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues.length > 0) {
    const inner = issue.issues.flatMap((i) => weigh(i, [])).map((i) => i.message);
    return [{ path, message: `${issue.message}: ${inner.join(', ')}`, weight: 1 }];
  }
  return [{ path, message: issue.message, weight: issue.code === 'unrecognized_keys' ? issue.keys.length : 1 }];
}

/**
 * zod 4 keeps each branch's issues in `errors`, relative to the union. The branch with the fewest problems
 * is what the sender meant ({at:"yesterday"} is a bad time, not a missing `reset`); when several tie, the
 * sender is told what each would need.
 */
function closestBranch(branches: core.$ZodIssue[][], path: PropertyKey[]): Weighed[] {
  const weighed = branches.map((issues) => issues.flatMap((i) => weigh(i, path)));
  const total = (branch: Weighed[]) => branch.reduce((sum, i) => sum + i.weight, 0);
  const best = Math.min(...weighed.map(total));
  const closest = weighed.filter((b) => total(b) === best);
  const sentences = [...new Set(closest.map((b) => b.map((i) => `${joinPath(i.path.slice(path.length), 'value')}: ${i.message}`).join(', ')))];
  if (sentences.length === 1) return closest[0]!;
  return [{ path, message: `expected either ${sentences.map((s) => `(${s})`).join(' or ')}`, weight: best }];
}

/** Every problem of a failed parse, a union's reduced to its closest branch; `root` names the whole input. */
export function validationIssues(error: { issues: readonly core.$ZodIssue[] }, root: string): ValidationIssue[] {
  return error.issues.flatMap((i) => weigh(i, [])).map((i) => ({ path: joinPath(i.path, root), message: i.message }));
}

/** The issues as one line: `at: Invalid ISO datetime; speed: Too big: expected number to be <=3600`. */
export function issuesSentence(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/** A failed parse as one line, for a log, an error message or a file's problem list. */
export function describeIssues(error: { issues: readonly core.$ZodIssue[] }, root: string): string {
  return issuesSentence(validationIssues(error, root));
}
