/** The contract shared by the server and the client: schemas, types, and pure helpers. */
export * from './api.ts';
export * from './basemap-style.ts';
export * from './booking.ts';
export * from './catalogue.ts';
export * from './categories.ts';
export * from './config.ts';
export * from './consent.ts';
export * from './evidence.ts';
export * from './geo.ts';
export * from './protocol.ts';
export * from './place-details.ts';
export * from './push.ts';
export * from './signals.ts';
export * from './suggestion.ts';
export * from './time.ts';
export * from './validation.ts';
