import GRDB

/// The knowledge layer's tables: the graph, decisions, learned fixes and their confidence history.
/// Registered after the core migrations; never edit a shipped migration, add a new one.
enum KnowledgeMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: knowledge graph, decisions, learned fixes") { db in
            try db.execute(sql: """
                CREATE TABLE graph_nodes (
                    id TEXT PRIMARY KEY NOT NULL,
                    label TEXT NOT NULL,
                    kind TEXT NOT NULL,                 -- GraphNodeKind raw value
                    projectLayer INTEGER NOT NULL       -- 1 when derived from scanned projects
                ) WITHOUT ROWID;
                CREATE TABLE graph_edges (
                    source TEXT NOT NULL REFERENCES graph_nodes(id) ON DELETE CASCADE,
                    target TEXT NOT NULL REFERENCES graph_nodes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,                 -- GraphEdgeKind raw value
                    projectLayer INTEGER NOT NULL,
                    PRIMARY KEY (source, target, kind)
                ) WITHOUT ROWID;
                CREATE TABLE decisions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    actor TEXT NOT NULL,                -- user, orchestrator, advisor
                    what TEXT NOT NULL,
                    why TEXT NOT NULL,
                    inputs TEXT NOT NULL,               -- JSON array of strings
                    outcome TEXT,
                    project TEXT
                );
                CREATE INDEX decisions_time ON decisions(time);
                CREATE TABLE learned_fixes (
                    signature TEXT NOT NULL,
                    fix TEXT NOT NULL,
                    successes INTEGER NOT NULL,
                    failures INTEGER NOT NULL,
                    PRIMARY KEY (signature, fix)
                ) WITHOUT ROWID;
                CREATE TABLE learned_fix_history (
                    signature TEXT NOT NULL,
                    fix TEXT NOT NULL,
                    time REAL NOT NULL,
                    confidence REAL NOT NULL,
                    FOREIGN KEY (signature, fix) REFERENCES learned_fixes(signature, fix) ON DELETE CASCADE
                );
                CREATE INDEX learned_fix_history_fix ON learned_fix_history(signature, fix, time);
                """)
        }
    }
}
