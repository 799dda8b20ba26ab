import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

/** A fresh data folder: outside production, loadConfig keeps the installation's generated keys there. */
const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'config-test-'));

describe('loadConfig', () => {
  it('defaults outside production: loopback only, embedded database, port 4000', () => {
    const config = loadConfig({ NEO4J_EMBEDDED_DATA_DIR: dataDir() });
    expect(config.production).toBe(false);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.uri).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: 'j'.repeat(40), IDENTITY_SECRET: 'i'.repeat(40) }).neo4j.embeddedDataDir).toBe(path.resolve('.neo4j-data'));
    expect(config.logLevel).toBe('info');
  });

  it('binds to the interface HOST names', () => {
    expect(loadConfig({ HOST: '0.0.0.0', NEO4J_EMBEDDED_DATA_DIR: dataDir() }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks', IDENTITY_SECRET: 'x'.repeat(40) }).host).toBe('127.0.0.1');
  });

  it('development keys: generated per installation into 0600 files of the data folder, stable across starts', () => {
    const [a, b] = [dataDir(), dataDir()];
    const first = loadConfig({ NEO4J_EMBEDDED_DATA_DIR: a });
    for (const [file, value] of [
      ['dev-jwt-secret', first.auth.jwtSecret],
      ['dev-identity-secret', first.identitySecret],
    ] as const) {
      const full = path.join(a, file);
      expect(fs.statSync(full).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(full, 'utf8').trim()).toBe(value);
      expect(value!.length).toBeGreaterThanOrEqual(43); // at least 256 random bits
    }
    expect(fs.statSync(a).mode & 0o777).toBe(0o700);
    expect(first.auth.jwtSecret).not.toBe(first.identitySecret);
    // the next start of the same installation reads the same keys
    const again = loadConfig({ NEO4J_EMBEDDED_DATA_DIR: a });
    expect([again.auth.jwtSecret, again.identitySecret]).toEqual([first.auth.jwtSecret, first.identitySecret]);
    // another installation has keys of its own
    const other = loadConfig({ NEO4J_EMBEDDED_DATA_DIR: b });
    expect(other.auth.jwtSecret).not.toBe(first.auth.jwtSecret);
    expect(other.identitySecret).not.toBe(first.identitySecret);
    // configured keys win, and nothing is generated for them
    const c = dataDir();
    const set = loadConfig({ NEO4J_EMBEDDED_DATA_DIR: c, JWT_SECRET: 'j'.repeat(40), IDENTITY_SECRET: 'i'.repeat(40) });
    expect([set.auth.jwtSecret, set.identitySecret]).toEqual(['j'.repeat(40), 'i'.repeat(40)]);
    expect(fs.readdirSync(c)).toEqual([]);
  });

  it('reads and validates integers', () => {
    expect(loadConfig({ PORT: '8080', MAX_PAGE_SIZE: '50', NEO4J_EMBEDDED_DATA_DIR: dataDir() })).toMatchObject({ port: 8080, limits: { maxPageSize: 50 } });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAX_HOPS: '0' })).toThrow(/MAX_HOPS must be an integer between 1 and 20/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '-1', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'NEO4J_URI', 'LOG_LEVEL', 'JWT_SECRET']) expect(message).toContain(name);
    }
  });

  it('production needs a real JWT secret or JWKS and never falls back to the development one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_JWKS_URL/);
    // and a real identity secret (opaque ids, cursors)
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/IDENTITY_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks', IDENTITY_SECRET: 'x'.repeat(40) });
    expect(config.identitySecret).toBe('x'.repeat(40));
    expect(config.auth.jwtSecret).toBeUndefined();
    expect(config.auth.jwksUrl).toBe('https://idp.example/jwks');
  });

  it('accepts bolt and neo4j URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_EMBEDDED_DATA_DIR: dataDir() }).neo4j.uri).toBe('neo4j+s://db.example:7687');
  });

  it('analysis pool: cores - 1 workers (at least 1) by default; 0 allowed; bounds checked', () => {
    expect(loadConfig({ NEO4J_EMBEDDED_DATA_DIR: dataDir() }).analysis).toEqual({
      workers: Math.max(1, os.availableParallelism() - 1),
      queueLimit: 64,
      timeoutMs: 120000,
      workerMemoryMb: 0,
    });
    expect(
      loadConfig({ ANALYSIS_WORKERS: '0', ANALYSIS_QUEUE_LIMIT: '0', ANALYSIS_TIMEOUT_MS: '500', NEO4J_EMBEDDED_DATA_DIR: dataDir() }).analysis,
    ).toMatchObject({ workers: 0, queueLimit: 0, timeoutMs: 500 });
    expect(() => loadConfig({ ANALYSIS_WORKERS: '-1' })).toThrow(/ANALYSIS_WORKERS/);
    expect(() => loadConfig({ ANALYSIS_TIMEOUT_MS: '0' })).toThrow(/ANALYSIS_TIMEOUT_MS/);
  });
});
