import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('normalises ALLOWED_ORIGINS as browsers send origins', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'HTTPS://App.Example.com:443, http://localhost:5173/' });
    expect(config.allowedOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('stops on an ALLOWED_ORIGINS entry that is not an origin, naming the variable and the entry', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://app.example.com,app.example.com/escale' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://app.example.com/escale' })).toThrow(/ALLOWED_ORIGINS: "https:\/\/app.example.com\/escale" is not an origin/);
  });

  it('names a variable of the wrong shape', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: /);
  });
});
