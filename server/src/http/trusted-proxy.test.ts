import type { IncomingMessage } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { isTrustedProxy, requestOrigin, requestScheme } from './trusted-proxy.ts';

function request(remoteAddress: string, headers: Record<string, string>, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress, encrypted }, headers } as unknown as IncomingMessage;
}

describe('the trusted proxy rule', () => {
  it("trusts the same peers as Express's 'loopback' preset", () => {
    const expressLoopback = express().set('trust proxy', 'loopback').get('trust proxy fn') as (address: string, hop: number) => boolean;
    for (const address of ['127.0.0.1', '127.12.0.9', '::1', '::ffff:127.0.0.1', '10.0.0.1', '192.168.1.20', '::ffff:10.0.0.1', '2001:db8::1', '128.0.0.1']) {
      expect(isTrustedProxy(address), address).toBe(expressLoopback(address, 0));
    }
    expect(isTrustedProxy('127.0.0.1')).toBe(true);
    expect(isTrustedProxy('203.0.113.7')).toBe(false);
    expect(isTrustedProxy(undefined)).toBe(false);
  });

  it('reads the scheme from the socket, or from X-Forwarded-Proto only when a trusted proxy sent it', () => {
    expect(requestScheme(request('127.0.0.1', {}))).toBe('http');
    expect(requestScheme(request('203.0.113.7', {}, true))).toBe('https');
    expect(requestScheme(request('127.0.0.1', { 'x-forwarded-proto': 'https' }))).toBe('https');
    expect(requestScheme(request('127.0.0.1', { 'x-forwarded-proto': 'https, http' }))).toBe('https');
    expect(requestScheme(request('203.0.113.7', { 'x-forwarded-proto': 'https' }))).toBe('http');
    expect(requestScheme(request('203.0.113.7', { 'x-forwarded-proto': 'http' }, true))).toBe('https');
  });

  it('gives the origin a page served by this server has, scheme and port included', () => {
    expect(requestOrigin(request('127.0.0.1', { host: '127.0.0.1:8080' }))).toBe('http://127.0.0.1:8080');
    expect(requestOrigin(request('127.0.0.1', { host: 'escale.example:443', 'x-forwarded-proto': 'https' }))).toBe('https://escale.example');
    expect(requestOrigin(request('127.0.0.1', {}))).toBeNull();
    expect(requestOrigin(request('127.0.0.1', { host: 'bad host' }))).toBeNull();
  });
});
