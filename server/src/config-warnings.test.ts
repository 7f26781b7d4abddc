import { describe, expect, it } from 'vitest';
import { SERVER_ENV_NAMES } from '@escale/shared';
import { editDistance, unknownVariableWarnings } from './config-warnings.ts';

const warn = (...names: string[]) => unknownVariableWarnings(Object.fromEntries(names.map((n) => [n, 'x'])), SERVER_ENV_NAMES);

describe('warnings about unknown variables', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('ALLOWED_ORIGIN', 'ALLOWED_ORIGINS')).toBe(1);
    expect(editDistance('HOME', 'HOST')).toBe(2);
    expect(editDistance('WS_HEARTBEAT', 'WS_HEARTBEAT_MS')).toBe(3);
    expect(editDistance('', 'PORT')).toBe(4);
  });

  it('suggests the known name for a near miss, a dropped unit included', () => {
    expect(warn('WS_HEARTBEAT', 'LOGLEVEL', 'CATALOG_DIR', 'ESCALE_DATADIR', 'port')).toEqual([
      'CATALOG_DIR is not a setting of Escale and is ignored; did you mean CATALOGUE_DIR?',
      'ESCALE_DATADIR is not a setting of Escale and is ignored; did you mean ESCALE_DATA_DIR?',
      'LOGLEVEL is not a setting of Escale and is ignored; did you mean LOG_LEVEL?',
      'WS_HEARTBEAT is not a setting of Escale and is ignored; did you mean WS_HEARTBEAT_MS?',
      'port is not a setting of Escale and is ignored; did you mean PORT?',
    ]);
  });

  it('flags every unknown variable under the ESCALE_ prefix, but not the tooling one', () => {
    expect(warn('ESCALE_SECRET', 'ESCALE_TEST_SUMMARY')).toEqual(['ESCALE_SECRET is not a setting of Escale and is ignored (see the Configuration table of the README).']);
  });

  it("leaves alone a host's usual variables and the known ones", () => {
    const usual = ['HOME', 'HOSTNAME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG', 'TZ', 'NODE_ENV', 'NODE_OPTIONS', 'CI', 'TMPDIR', 'MAIL', 'EDITOR', 'SHLVL'];
    expect(warn(...usual, ...SERVER_ENV_NAMES)).toEqual([]);
  });
});
