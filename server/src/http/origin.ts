/** Web origins (scheme, host, port) in one normal form, so `HTTPS://Example.com:443` and `https://example.com` compare equal. */

/**
 * The normalised origin of `text` when it is an http(s) origin and nothing more (no path, query, fragment
 * or credentials), else null: an Origin header or an ALLOWED_ORIGINS entry is exactly that or it is wrong.
 */
export function originOf(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return url.origin;
}
