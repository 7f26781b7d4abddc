/**
 * The wallet's calls to the server, each checked against the shared contract on receipt (api/api.ts).
 * Writes that may be queued offline carry an Idempotency-Key, so a replay after a lost answer is harmless,
 * and an edit carries the revision it was made from (If-Match), so a booking changed elsewhere meanwhile
 * is answered 412 instead of being overwritten.
 */
import {
  Booking,
  type BookingEdit,
  type BookOfferBody,
  CalendarFeedCreated,
  ForwardingBody,
  type ForwardingSendersBody,
  type ImportConfirmBody,
  ImportConfirmed,
  ImportPreview,
  InboxBody,
  Trip,
  type TripRename,
  WalletBody,
} from '@escale/shared';
import { jsonBody, request } from '../api/api.ts';

const withKey = (init: RequestInit, key: string, revision?: string): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), 'Idempotency-Key': key, ...(revision ? { 'If-Match': `"${revision}"` } : {}) },
});

export const getWallet = () => request('/api/wallet', WalletBody);

export const addBooking = (edit: BookingEdit, key: string) => request('/api/wallet/bookings', Booking, withKey(jsonBody(edit), key));

export const editBooking = (id: string, edit: BookingEdit, key: string, revision?: string) =>
  request(`/api/wallet/bookings/${encodeURIComponent(id)}`, Booking, withKey(jsonBody(edit, 'PUT'), key, revision));

export const cancelBooking = (id: string, key: string, revision?: string) => request(`/api/wallet/bookings/${encodeURIComponent(id)}`, Booking, withKey({ method: 'DELETE' }, key, revision));

export const bookOffer = (offerId: string, body: BookOfferBody, key: string) => request(`/api/wallet/offers/${encodeURIComponent(offerId)}/book`, Booking, withKey(jsonBody(body), key));

/** Sends the file as it is; the server reads it and answers what it found (nothing is saved yet). */
export function previewImport(file: File): Promise<ImportPreview> {
  return request('/api/wallet/import', ImportPreview, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
    body: file,
  });
}

export const confirmImport = (body: ImportConfirmBody) => request('/api/wallet/import/confirm', ImportConfirmed, jsonBody(body));

/** A key for one write and its retries. */
export const newKey = () => crypto.randomUUID();

/** The forwarding address: its `address` is only in the answer that made it (the server keeps a hash). */
export const getForwarding = () => request('/api/wallet/forwarding', ForwardingBody);
export const rotateForwarding = () => request('/api/wallet/forwarding/rotate', ForwardingBody, { method: 'POST' });
export const saveAllowedSenders = (body: ForwardingSendersBody) => request('/api/wallet/forwarding', ForwardingBody, jsonBody(body, 'PUT'));

/** E-mails received at the forwarding address, each with its preview, waiting to be kept or dismissed. */
export const getInbox = () => request('/api/wallet/inbox', InboxBody);
export const confirmInboxItem = (id: string, body: ImportConfirmBody) => request(`/api/wallet/inbox/${encodeURIComponent(id)}/confirm`, ImportConfirmed, jsonBody(body));
export const dismissInboxItem = (id: string) => request(`/api/wallet/inbox/${encodeURIComponent(id)}`, null, { method: 'DELETE' });

export const renameTrip = (id: string, body: TripRename) => request(`/api/wallet/trips/${encodeURIComponent(id)}`, Trip, jsonBody(body, 'PUT'));
/** A new calendar feed URL for the trip, shown this once (the previous one stops working). */
export const makeCalendarFeed = (id: string) => request(`/api/wallet/trips/${encodeURIComponent(id)}/calendar`, CalendarFeedCreated, { method: 'POST' });
export const stopCalendarFeed = (id: string) => request(`/api/wallet/trips/${encodeURIComponent(id)}/calendar`, null, { method: 'DELETE' });
