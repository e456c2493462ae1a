import GRDB

/// The council's learned advisor weights (added after v2; never edit a shipped migration).
enum CouncilMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: advisor weights") { db in
            try db.execute(sql: """
                CREATE TABLE advisor_weights (
                    advisor TEXT PRIMARY KEY NOT NULL,
                    weight REAL NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
