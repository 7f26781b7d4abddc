/** The app's addresses, in one place: links, redirects and the service worker's fallback agree on them. */
export const PATHS = {
  ideas: '/',
  wallet: '/wallet',
  booking: (id: string) => `/wallet/bookings/${encodeURIComponent(id)}`,
  newBooking: '/wallet/new',
  editBooking: (id: string) => `/wallet/bookings/${encodeURIComponent(id)}/edit`,
  importFile: '/wallet/import',
  myData: '/my-data',
  /** Making one's account from an agency's invitation link (the token after `#`). */
  join: '/join',
  forgotPassword: '/forgot-password',
  /** The link of a traveller's "forgot my password" (the token after `#`; server/src/auth/accounts.ts RESET_PATH). */
  resetPassword: '/reset-password',
  /** The short, skippable onboarding: what the traveller enjoys, who travels, budget and pace. */
  welcome: '/welcome',
  /** What the traveller told Escale, to change at any time. */
  profile: '/profile',
  /** Public, signed in or not: the main parameters of the ranking. */
  howRanked: '/how-suggestions-are-ranked',
  /** The demo: scripted trips played on the real system (demo mode only); its state is in the query string. */
  demo: '/demo',
  /** A consent's switch on My data (the Why panel links each personal datum there). */
  consent: (category: string) => `/my-data#consent-${category}`,
} as const;
