/**
 * Installs the service worker (client/sw/service-worker.ts) in a production build, so that after one visit
 * the app opens without a network. Not in development: Vite serves modules one by one, which a precache
 * cannot hold.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch((error: unknown) => console.warn('Offline use is not available:', error));
  // After the page's own load, so precaching does not compete with the first screen; at once if that is past.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
