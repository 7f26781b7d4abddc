/**
 * The wallet's calls to the server, each checked against the shared contract on receipt (api/api.ts).
 * Writes that may be queued offline carry an Idempotency-Key, so a replay after a lost answer is harmless,
 * and an edit carries the revision it was made from (If-Match), so a booking changed elsewhere meanwhile
 * is answered 412 instead of being overwritten.
 */
import { Booking, type BookingEdit, type BookOfferBody, type ImportConfirmBody, ImportConfirmed, ImportPreview, WalletBody } from '@escale/shared';
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
