import GRDB

/// The database schema, one migration per version. Never edit a shipped migration: add a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: projects, scans, timeline, diagnostics, metrics") { db in
            try db.execute(sql: """
                CREATE TABLE projects (
                    path TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    kinds TEXT NOT NULL,            -- JSON array of ProjectKind raw values
                    command TEXT,
                    ports TEXT NOT NULL,            -- JSON array of ints
                    dependencies TEXT NOT NULL,     -- JSON array of Dependency
                    lastSeen REAL NOT NULL          -- seconds since 1970
                );
                CREATE TABLE scans (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    roots TEXT NOT NULL,            -- JSON array of paths
                    projectCount INTEGER NOT NULL,
                    duration REAL                   -- seconds, when known
                );
                CREATE INDEX scans_time ON scans(time);
                CREATE TABLE timeline (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    kind TEXT NOT NULL,
                    project TEXT,
                    text TEXT NOT NULL
                );
                CREATE INDEX timeline_time ON timeline(time);
                CREATE TABLE diagnostics (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    severity TEXT NOT NULL,
                    source TEXT NOT NULL,
                    project TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX diagnostics_time ON diagnostics(time);
                -- Samples as taken (about one a second), kept one hour.
                CREATE TABLE metric_raw (
                    time REAL NOT NULL,
                    metric TEXT NOT NULL,
                    project TEXT NOT NULL DEFAULT '',   -- '' for machine-wide metrics
                    value REAL NOT NULL
                );
                CREATE INDEX metric_raw_series ON metric_raw(metric, project, time);
                CREATE INDEX metric_raw_time ON metric_raw(time);
                -- One-minute averages, kept 30 days. `count` weights merges of late samples.
                CREATE TABLE metric_minute (
                    minute INTEGER NOT NULL,            -- start of the minute, seconds since 1970
                    metric TEXT NOT NULL,
                    project TEXT NOT NULL DEFAULT '',
                    value REAL NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (metric, project, minute)
                ) WITHOUT ROWID;
                CREATE INDEX metric_minute_time ON metric_minute(minute);
                """)
        }
        migrator.registerMigration("v2: insights") { db in
            try db.execute(sql: """
                CREATE TABLE insights (
                    id INTEGER PRIMARY KEY,
                    project TEXT NOT NULL,
                    time REAL NOT NULL,
                    rating TEXT NOT NULL,           -- debt rating A-E, for queries without decoding
                    debt_minutes INTEGER NOT NULL,
                    json TEXT NOT NULL              -- the whole ProjectInsight
                );
                CREATE INDEX insights_project_time ON insights(project, time);
                """)
        }
        KnowledgeMigrations.register(&migrator)
        CouncilMigrations.register(&migrator)
        migrator.registerMigration("v5: coverage history") { db in
            try db.execute(sql: """
                -- One row per coverage report read: the same report (path and modification time) once.
                CREATE TABLE coverage_history (
                    id INTEGER PRIMARY KEY,
                    project TEXT NOT NULL,
                    time REAL NOT NULL,             -- when the report was written (its mtime), seconds since 1970
                    recorded REAL NOT NULL,         -- when Vantage read it
                    report TEXT NOT NULL,           -- the report's path
                    format TEXT NOT NULL,           -- lcov, cobertura, coverage.py, llvm-cov
                    lines_found INTEGER NOT NULL,
                    lines_hit INTEGER NOT NULL,
                    branches_found INTEGER,         -- NULL when the report has no branch data
                    branches_hit INTEGER,
                    UNIQUE (project, report, time)
                );
                CREATE INDEX coverage_history_project_time ON coverage_history(project, time);
                """)
        }
        ScheduleMigrations.register(&migrator)
        return migrator
    }
}
