/** The console's addresses (the server makes password links to `setPassword`: server/src/agency/password-links.ts). */
export const AGENCY_PATHS = {
  home: '/agency',
  catalogue: '/agency/catalogue',
  events: '/agency/catalogue/events',
  offers: '/agency/catalogue/offers',
  promotions: '/agency/catalogue/promotions',
  staff: '/agency/staff',
  clients: '/agency/clients',
  insights: '/agency/insights',
  ranking: '/agency/ranking',
  preview: '/agency/preview',
  setPassword: '/agency/set-password',
  forgotPassword: '/agency/forgot-password',
} as const;
