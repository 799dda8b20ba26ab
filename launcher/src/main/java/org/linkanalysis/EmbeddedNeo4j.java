package org.linkanalysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j 5.26 Community in-process with Bolt on 127.0.0.1, for local runs and tests.
 *
 * Arguments: --home DIR --port N --plugins DIR [--pagecache MiB] [--tx-timeout SECONDS] [--auth true|false]
 * Authentication is on unless `--auth false`; the password of user `neo4j` is read from the
 * environment variable NEO4J_INITIAL_PASSWORD (never from the command line, which `ps` shows)
 * and set through the system database at every start, so the file the service keeps it in is
 * the single source of truth.
 * Prints exactly one line "NEO4J_READY bolt://127.0.0.1:PORT" when Bolt accepts connections,
 * then blocks until SIGTERM/SIGINT, when it shuts the database down cleanly.
 * A parent that dies closes our stdin; we treat end-of-stdin as a shutdown request too, so the
 * database never outlives the service that started it.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(arg(args, "--home", "./.neo4j-data")).toAbsolutePath();
        int port = Integer.parseInt(arg(args, "--port", "7687"));
        Path plugins = Path.of(arg(args, "--plugins", "target/plugins")).toAbsolutePath();
        long pageCacheMiB = Long.parseLong(arg(args, "--pagecache", "256"));
        long txTimeoutSeconds = Long.parseLong(arg(args, "--tx-timeout", "60"));
        boolean watchStdin = !"false".equals(arg(args, "--watch-stdin", "true"));
        boolean authEnabled = !"false".equals(arg(args, "--auth", "true"));
        String password = System.getenv("NEO4J_INITIAL_PASSWORD");
        if (authEnabled && (password == null || password.length() < 16)) {
            System.err.println("NEO4J_INITIAL_PASSWORD must hold the password (at least 16 characters) when authentication is on");
            System.exit(2);
        }
        Files.createDirectories(home);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(768))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (authEnabled) {
            GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            try {
                system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (RuntimeException e) {
                // Setting the password it already has is refused; anything else is fatal.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try (Transaction tx = db.beginTx(); Result r = tx.execute("RETURN gds.version() AS gds, apoc.version() AS apoc")) {
            var row = r.next();
            System.err.println("embedded neo4j: gds " + row.get("gds") + ", apoc " + row.get("apoc"));
        }
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // ignore input; only end-of-stream matters
                    }
                } catch (IOException ignored) {
                    // a broken pipe means the same as end-of-stream
                }
                System.exit(0); // runs the shutdown hook
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
