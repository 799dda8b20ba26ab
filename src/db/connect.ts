import { Config } from '../config';
import { logger } from '../logger';
import { Database } from './database';
import { embeddedPassword } from './credentials';
import { EmbeddedDatabaseInUse, EmbeddedNeo4jSupervisor, ensureLauncherBuilt, storeLockHolder } from './embedded-neo4j';

export interface Connection {
  db: Database;
  uri: string;
  embedded?: EmbeddedNeo4jSupervisor;
  close(): Promise<void>;
}

/**
 * NEO4J_URI when set; otherwise the embedded database, started here (and stopped by `close`)
 * unless `reuseRunning` finds one already answering on the embedded port (e.g. `npm start`).
 * With `refuseLocked`, a store another process holds (a database running on another port) is
 * not started a second time: `EmbeddedDatabaseInUse` instead of Neo4j's lock failure.
 */
export async function openDatabase(config: Config, options: { reuseRunning?: boolean; refuseLocked?: boolean } = {}): Promise<Connection> {
  if (config.neo4j.uri) {
    const db = new Database({ ...config.neo4j, uri: config.neo4j.uri });
    await db.waitUntilAvailable(120000);
    return { db, uri: config.neo4j.uri, close: () => db.close() };
  }
  // The embedded database's password lives in its data folder (generated on first start).
  const password = embeddedPassword(config.neo4j.embeddedDataDir);
  const make = (uri: string) => new Database({ ...config.neo4j, user: 'neo4j', password, uri });
  const localUri = `bolt://127.0.0.1:${config.neo4j.embeddedPort}`;
  if (options.reuseRunning) {
    const db = make(localUri);
    if (await db.probe()) return { db, uri: localUri, close: () => db.close() };
    await db.close();
  }
  if (options.refuseLocked) {
    const holder = storeLockHolder(config.neo4j.embeddedDataDir);
    if (holder !== undefined) throw new EmbeddedDatabaseInUse(config.neo4j.embeddedDataDir, holder);
  }
  ensureLauncherBuilt();
  const embedded = new EmbeddedNeo4jSupervisor({
    port: config.neo4j.embeddedPort,
    dataDir: config.neo4j.embeddedDataDir,
    heapMb: config.neo4j.embeddedHeapMb,
    pageCacheMb: config.neo4j.embeddedPageCacheMb,
    txTimeoutSeconds: Math.ceil(config.neo4j.queryTimeoutMs / 1000) + 5,
  });
  const started = Date.now();
  const uri = await embedded.start();
  logger.info({ uri, dataDir: config.neo4j.embeddedDataDir, ms: Date.now() - started }, 'embedded Neo4j started');
  const db = make(uri);
  await db.waitUntilAvailable(120000);
  return {
    db,
    uri,
    embedded,
    close: async () => {
      await db.close();
      await embedded.stop();
    },
  };
}
