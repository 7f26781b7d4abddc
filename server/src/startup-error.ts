/**
 * A reason the server cannot start that the operator can fix (a damaged database, a data directory it cannot
 * write): its message says what is wrong, where, and what to do, so main.ts prints it alone, without a stack.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
