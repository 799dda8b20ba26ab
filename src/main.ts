import 'reflect-metadata';
import path from 'node:path';
import { mintToken } from './auth/tokens';
import { Config, ConfigError, loadConfig } from './config';
import { bootstrapDatabase } from './bootstrap';
import { openDatabase } from './db/connect';
import { authenticationIsOff, DEV_JWT_SECRET_FILE } from './db/credentials';
import { seedIfEmpty } from './import/seed';
import { logger } from './logger';
import { createApp } from './server';

async function devTokens(config: Config): Promise<string> {
  if (!config.auth.jwtSecret || config.production) return '';
  const kinds = [
    { sub: 'dev-analyst', roles: ['analyst'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' },
    { sub: 'dev-analyst-restricted', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' },
    { sub: 'dev-loader', roles: ['loader'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' },
    { sub: 'dev-admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' },
  ] as const;
  const lines = await Promise.all(
    kinds.map(
      async (k) =>
        `  ${k.sub} (${k.roles.join(',')}, ${k.agency}/${k.country}, ${k.clearance}):\n    ${await mintToken(config.auth.jwtSecret!, { ...k, roles: [...k.roles] }, '12h', { issuer: config.auth.issuer, audience: config.auth.audience })}`,
    ),
  );
  const where = process.env.JWT_SECRET ? 'JWT_SECRET' : `${path.join(config.neo4j.embeddedDataDir, DEV_JWT_SECRET_FILE)}, generated for this installation`;
  return `Development tokens (valid 12 h; send as "Authorization: Bearer <token>"; signed with ${where}):\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  const connection = await openDatabase(config);
  const { db, uri, embedded } = connection;
  const close = () => connection.close();
  if (config.production && (await authenticationIsOff(uri))) {
    await close();
    process.stderr.write(`refusing to start in production: the database at ${uri} has authentication turned off\n`);
    process.exit(2);
  }
  db.startMonitoring();
  await bootstrapDatabase(db);
  if (config.seedOnEmpty) await seedIfEmpty(db, config.identitySecret);

  const app = await createApp(config, db);
  const port = await app.listen(config.port);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30000);
    force.unref();
    await app.stop().catch((err) => logger.error({ err }, 'HTTP shutdown failed'));
    logger.info('HTTP server drained and closed');
    await close().catch((err) => logger.error({ err }, 'Neo4j shutdown failed'));
    logger.info('database connection closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const local = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'].includes(config.host);
  process.stdout.write(`\nGraphQL API ready at http://${local ? 'localhost' : config.host}:${port}/graphql  (health: /health, readiness: /ready)\n`);
  process.stdout.write(
    ['127.0.0.1', '::1', 'localhost'].includes(config.host)
      ? `Listening on ${config.host} only (set HOST, e.g. HOST=0.0.0.0, to accept connections from other machines)\n`
      : `Listening on ${config.host}: reachable from the network\n`,
  );
  process.stdout.write(
    `Network explorer: http://localhost:${port}/explore#token=<a token below>${config.graphqlIde ? `   GraphQL IDE: open /graphql in a browser` : ''}\n`,
  );
  process.stdout.write(`Neo4j: ${uri}${embedded ? ' (embedded)' : ''}\n\n${await devTokens(config)}`);
}

main().catch((err) => {
  logger.fatal({ err }, 'start-up failed');
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
