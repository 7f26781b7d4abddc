import { describe, expect, it } from 'vitest';
import { ClientMessage, CLIENT_MESSAGE_TYPES, ServerMessage } from './protocol.ts';

describe('WebSocket protocol', () => {
  it('lists the client message types from the schema itself', () => {
    expect(CLIENT_MESSAGE_TYPES).toEqual(['hello', 'location', 'suggest_now', 'refresh', 'feedback', 'feedback_undo']);
  });

  it('refuses extra-large accuracy and missing fields', () => {
    expect(ClientMessage.safeParse({ type: 'location', lat: 48, lon: 2, accuracyMeters: 1e9 }).success).toBe(false);
    expect(ClientMessage.safeParse({ type: 'feedback', kind: 'liked' }).success).toBe(false);
  });

  it('validates a server error message', () => {
    expect(ServerMessage.safeParse({ type: 'error', code: 'bad_json', message: 'x' }).success).toBe(true);
    expect(ServerMessage.safeParse({ type: 'error', code: 'teapot', message: 'x' }).success).toBe(false);
  });
});
