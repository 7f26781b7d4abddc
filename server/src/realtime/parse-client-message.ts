/** Turns a raw frame into a typed client message or a protocol error with a code and a sentence. */
import { CLIENT_MESSAGE_TYPES, ClientMessage, describeIssues, type ErrorCode } from '@escale/shared';

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string };

export function parseClientMessage(raw: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad_json', message: 'The message is not valid JSON.' };
  }
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as string[]).includes(type)) {
    return { ok: false, code: 'unknown_type', message: `Unknown message type; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}.` };
  }
  const parsed = ClientMessage.safeParse(data);
  if (!parsed.success) {
    return { ok: false, code: 'bad_message', message: `Invalid ${type} message: ${describeIssues(parsed.error, type)}` };
  }
  return { ok: true, message: parsed.data };
}
