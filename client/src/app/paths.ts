/** The app's addresses, in one place: links, redirects and the service worker's fallback agree on them. */
export const PATHS = {
  ideas: '/',
  wallet: '/wallet',
  booking: (id: string) => `/wallet/bookings/${encodeURIComponent(id)}`,
  newBooking: '/wallet/new',
  editBooking: (id: string) => `/wallet/bookings/${encodeURIComponent(id)}/edit`,
  importFile: '/wallet/import',
} as const;
