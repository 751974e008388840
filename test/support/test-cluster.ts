import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

export const TEMPLATE_DATABASE = 'capdo_template';

/** The role the tests' applications connect as, set up by the same bootstrap as the embedded server's (database-roles.ts). */
export const TEST_APP_ROLE = { user: 'capdo_app', password: 'capdo-app-test-password' };

/** Test clusters live on /dev/shm when there is one, with durability turned off: they are thrown away. */
export function testClusterDir(): string {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return path.join(base, `capdo-test-${process.pid}-${Date.now()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function testCluster(dir: string, port: number): EmbeddedPostgres {
  return new EmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200', shared_buffers: '64MB' },
  });
}
