import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PASSWORD_FILE } from '../src/db/credentials';

/**
 * Issue 9 item 1: the embedded Neo4j runs with authentication on, with a generated password kept
 * in a 0600 file inside a 0700 data folder, and every store file is private to the service's user.
 */
describe('database credentials', () => {
  const uri = process.env.NEO4J_TEST_URI!;
  const dataDir = process.env.NEO4J_TEST_DATA_DIR;

  async function tryConnect(user: string, password: string): Promise<string> {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 5000, maxConnectionPoolSize: 1 });
    const session = driver.session();
    try {
      const result = await session.run('MATCH (n) RETURN count(n) AS n');
      return `ok:${result.records.length}`;
    } catch (err) {
      return (err as { code?: string }).code ?? 'error';
    } finally {
      await session.close();
      await driver.close();
    }
  }

  it('refuses a connection without the password or with a wrong one, and accepts the generated one', async () => {
    expect(await tryConnect('neo4j', process.env.NEO4J_TEST_PASSWORD!)).toBe('ok:1');
    // Two failures only: a third in a row would lock user neo4j for 5 s (Neo4j's brute-force guard)
    // and fail the next suite's connection.
    expect(await tryConnect('neo4j', '')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await tryConnect('neo4j', 'neo4j')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await tryConnect('admin', process.env.NEO4J_TEST_PASSWORD!)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await tryConnect('neo4j', process.env.NEO4J_TEST_PASSWORD!)).toBe('ok:1');
  });

  it('keeps a strong password in a 0600 file of a 0700 data folder; store files are not world-readable', () => {
    expect(dataDir).toBeDefined(); // the global setup started the embedded database
    const file = path.join(dataDir!, PASSWORD_FILE);
    expect((fs.statSync(dataDir!).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password).toBe(process.env.NEO4J_TEST_PASSWORD);
    expect(password.length).toBeGreaterThanOrEqual(32);
    // Every file and folder the JVM created (umask 077): nothing for group or others.
    const open: string[] = [];
    let files = 0;
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isSymbolicLink()) continue;
        files += 1;
        if ((fs.statSync(full).mode & 0o077) !== 0) open.push(`${full} ${(fs.statSync(full).mode & 0o777).toString(8)}`);
        if (entry.isDirectory()) walk(full);
      }
    };
    walk(dataDir!);
    expect(files).toBeGreaterThan(20);
    expect(open).toEqual([]);
  });
});
