/** The evaluations' command-line options: `--flag`, `--name value`, numbers, and a choice among values. */
export function commandLine(args: readonly string[] = process.argv.slice(2)) {
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const fail = (message: string): never => {
    console.error(message);
    process.exit(1);
  };
  return {
    flag: (name: string) => args.includes(name),
    option,
    numberOption: (name: string) => (option(name) === undefined ? undefined : Number(option(name))),
    choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const value = option(name) ?? fallback;
      if (!(allowed as readonly string[]).includes(value)) fail(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
      return value as T;
    },
    fail,
  };
}
