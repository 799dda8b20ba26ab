import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { EmbeddedNeo4jSupervisor, freePort } from '../src/db/embedded-neo4j';

/** Issue 9 item 12: production refuses a missing key and a database without authentication; issue 16 item 3: it never generates development keys. */

const STRONG_SECRET = 'a-production-secret-of-more-than-32-characters-xyz';
const IDENTITY_SECRET = 'an-identity-secret-of-more-than-32-characters-abc';

function runMain(env: Record<string, string>, untilReady = false): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '..', 'dist', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        SEED_ON_EMPTY: 'false',
        PORT: '0',
        IDENTITY_SECRET,
        AUDIT_KEY: process.env.AUDIT_KEY!,
        AUDIT_DIR: process.env.AUDIT_DIR!,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilReady && output.includes('GraphQL API ready')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 90000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production mode', () => {
  it('refuses a missing secret/JWKS and a default database password, and generates no development key', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-config-'));
    expect(() => loadConfig({ NODE_ENV: 'production', NEO4J_EMBEDDED_DATA_DIR: dataDir })).toThrow(/JWT_JWKS_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', NEO4J_EMBEDDED_DATA_DIR: dataDir, JWT_SECRET: STRONG_SECRET })).toThrow(/IDENTITY_SECRET/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, IDENTITY_SECRET, NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, IDENTITY_SECRET, NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'neo4j' }),
    ).toThrow(/NEO4J_PASSWORD/);
    // the same settings are fine outside production, and a proper production configuration loads
    expect(loadConfig({ JWT_SECRET: STRONG_SECRET, IDENTITY_SECRET }).auth.jwtSecret).toBe(STRONG_SECRET);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, IDENTITY_SECRET, NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'p4ssw0rd-long-enough' })
        .production,
    ).toBe(true);
  });

  it('the service exits at start without a key of its own, rather than generating one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-main-'));
    const { code, output } = await runMain({
      NODE_ENV: 'production',
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_URI: process.env.NEO4J_TEST_URI!,
      NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD!,
    });
    expect({ code, refused: /JWT_JWKS_URL/.test(output) }).toEqual({ code: 2, refused: true });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('the service starts in production against a database with authentication, and refuses one without', async () => {
    const ok = await runMain(
      { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, NEO4J_URI: process.env.NEO4J_TEST_URI!, NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD! },
      true,
    );
    expect(ok.output).toContain('GraphQL API ready');

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-noauth-'));
    const open = new EmbeddedNeo4jSupervisor({ port: await freePort(), dataDir, heapMb: 256, pageCacheMb: 16, authEnabled: false });
    try {
      const uri = await open.start();
      const refused = await runMain({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, NEO4J_URI: uri, NEO4J_PASSWORD: 'any-password-at-all' });
      expect({ code: refused.code, refused: /authentication turned off/.test(refused.output) }).toEqual({ code: 2, refused: true });
    } finally {
      await open.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
