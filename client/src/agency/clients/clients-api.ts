/** The console's clients and their advisor notes (server/src/advisor-notes/), each answer checked against the contract. */
import { AdvisorNote, type AdvisorNoteContent, AgencyClientList } from '@escale/shared';
import { jsonBody, request } from '../../api/api.ts';

export const getClients = (q = '') => request(`/api/agency/clients${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`, AgencyClientList);
const notesOf = (travellerId: string) => `/api/agency/clients/${encodeURIComponent(travellerId)}/notes`;
export const addNote = (travellerId: string, content: AdvisorNoteContent) => request(notesOf(travellerId), AdvisorNote, jsonBody(content));
export const editNote = (travellerId: string, noteId: string, content: AdvisorNoteContent) => request(`${notesOf(travellerId)}/${encodeURIComponent(noteId)}`, AdvisorNote, jsonBody(content, 'PUT'));
export const deleteNote = (travellerId: string, noteId: string) => request(`${notesOf(travellerId)}/${encodeURIComponent(noteId)}`, null, { method: 'DELETE' });
