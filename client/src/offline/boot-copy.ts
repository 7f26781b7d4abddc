/**
 * The config and session the app last booted with, kept on the phone so that with no network the app still
 * opens (the service worker serves the page; this gives it who is signed in). Read only when the server
 * cannot be reached; a server that answers always wins. Signing out removes it.
 */
import { ClientConfig, SessionInfo } from '@escale/shared';

const KEY = 'escale.boot';
interface BootCopy {
  config: ClientConfig;
  session: SessionInfo | null;
}

export function keepBootCopy(copy: BootCopy): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(copy));
  } catch {
    // Storage can be off (private mode): the app then needs the network to open, as before.
  }
}

export function bootCopy(): BootCopy | null {
  try {
    // Checked like any answer from the server: a copy from an older version of the app is not trusted.
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { config?: unknown; session?: unknown } | null;
    const config = ClientConfig.safeParse(raw?.config);
    const session = SessionInfo.nullable().safeParse(raw?.session ?? null);
    return config.success && session.success ? { config: config.data, session: session.data } : null;
  } catch {
    return null;
  }
}

export function forgetBootCopy(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}
