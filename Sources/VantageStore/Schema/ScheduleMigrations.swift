import GRDB

/// The scheduler's jobs (added after v5; never edit a shipped migration).
enum ScheduleMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: scheduled jobs") { db in
            try db.execute(sql: """
                CREATE TABLE scheduled_jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    cron TEXT NOT NULL,             -- the expression as written
                    target TEXT NOT NULL,           -- 'workspace' or a project's name
                    action TEXT NOT NULL,           -- a name from the scheduler's action table
                    source TEXT,                    -- the folder the action reads, if it needs one
                    created REAL NOT NULL,          -- seconds since 1970
                    last_run REAL,                  -- when the last run started
                    last_succeeded INTEGER,         -- 1 or 0, NULL before the first run
                    last_message TEXT,
                    next_run REAL                   -- as the scheduler last computed it
                );
                """)
        }
    }
}
