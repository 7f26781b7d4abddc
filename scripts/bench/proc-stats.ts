/** CPU time and resident memory of another process, read from /proc (Linux): how the bench watches a server. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second, the unit of utime and stime in /proc/<pid>/stat (100 on nearly every Linux). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time the process has used so far, in milliseconds: in user space, and in the kernel (system calls);
 * and that of its children it has waited for (a server's ended worker processes).
 */
export function cpuMs(pid: number): { user: number; system: number; childrenUser: number; childrenSystem: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces: state is field 3,
  // utime field 14, stime 15, cutime 16 and cstime 17 (proc(5)).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ms = (i: number) => (Number(fields[i]) * 1000) / TICKS_PER_SECOND;
  return { user: ms(11), system: ms(12), childrenUser: ms(13), childrenSystem: ms(14) };
}

/** Resident set size now, in KiB (VmRSS of /proc/<pid>/status). */
export function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}
