import { findPgTool, parseToolVersion } from './pg-backup';

describe('PostgreSQL client tools for backup', () => {
  it('reads the major version that pg_dump and pg_restore print', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n')).toEqual({ major: 15, version: '15.18' });
    expect(parseToolVersion('pg_restore (PostgreSQL) 18.4\n')).toEqual({ major: 18, version: '18.4' });
    expect(parseToolVersion('pg_dump (PostgreSQL) 9\n')).toEqual({ major: 9, version: '9' });
    expect(parseToolVersion('not a PostgreSQL tool')).toBeNull();
  });

  it('refuses a pg_dump older than the server, saying which client package to install', async () => {
    // No machine has PostgreSQL 99: whatever is installed is too old, and the message says what would do.
    await expect(findPgTool('pg_dump', 99)).rejects.toThrow(/apt-get install -y postgresql-client-99.*PG_BIN_DIR/);
  });
});
