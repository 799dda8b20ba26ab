import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults outside production: development secret, embedded database, port 4000', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.auth.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.neo4j.embeddedDataDir).toBe(path.resolve('.neo4j-data'));
    expect(config.logLevel).toBe('info');
  });

  it('reads and validates integers', () => {
    expect(loadConfig({ PORT: '8080', MAX_PAGE_SIZE: '50' })).toMatchObject({ port: 8080, limits: { maxPageSize: 50 } });
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
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://db.example:7687' }).neo4j.uri).toBe('neo4j+s://db.example:7687');
  });

  it('analysis pool: cores - 1 workers (at least 1) by default; 0 allowed; bounds checked', () => {
    expect(loadConfig({}).analysis).toEqual({ workers: Math.max(1, os.availableParallelism() - 1), queueLimit: 64, timeoutMs: 120000, workerMemoryMb: 0 });
    expect(loadConfig({ ANALYSIS_WORKERS: '0', ANALYSIS_QUEUE_LIMIT: '0', ANALYSIS_TIMEOUT_MS: '500' }).analysis).toMatchObject({ workers: 0, queueLimit: 0, timeoutMs: 500 });
    expect(() => loadConfig({ ANALYSIS_WORKERS: '-1' })).toThrow(/ANALYSIS_WORKERS/);
    expect(() => loadConfig({ ANALYSIS_TIMEOUT_MS: '0' })).toThrow(/ANALYSIS_TIMEOUT_MS/);
  });
});
