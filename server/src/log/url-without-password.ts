/** A service URL as it may be shown (messages, health, logs): its password replaced, the rest kept. */
export function urlWithoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Never echo what could not be read: it may hold the password in a form URL cannot parse.
    return '(an unreadable URL)';
  }
}
