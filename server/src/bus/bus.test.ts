import { describe, expect, it } from 'vitest';
import { Bus } from './bus.ts';

describe('Bus', () => {
  it('tells every subscriber of an event type, and no one after they unsubscribe', () => {
    const bus = new Bus();
    const heard: string[] = [];
    const off = bus.on('traveller_erased', (e) => heard.push(`a:${e.travellerId}`));
    bus.on('traveller_erased', (e) => heard.push(`b:${e.travellerId}`));
    bus.on('session_ended', (e) => heard.push(`session:${e.sessionId}`));
    bus.emit('traveller_erased', { type: 'traveller_erased', travellerId: 't1' });
    off();
    bus.emit('traveller_erased', { type: 'traveller_erased', travellerId: 't2' });
    expect(heard).toEqual(['a:t1', 'b:t1', 'b:t2']);
  });

  it('keeps telling the others when one listener throws, and reports the failure', () => {
    const bus = new Bus();
    const heard: string[] = [];
    const failures: unknown[] = [];
    bus.on('session_ended', () => {
      throw new Error('broken holder');
    });
    bus.on('session_ended', (e) => heard.push(e.reason));
    bus.emit('session_ended', { type: 'session_ended', sessionId: 's', travellerId: 't', reason: 'signed_out' }, (err) => failures.push(err));
    expect(heard).toEqual(['signed_out']);
    expect(failures).toHaveLength(1);
  });
});
