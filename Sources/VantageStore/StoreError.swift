import Foundation
import GRDB
import VantageCore

/// Turns SQLite's errors into `VantageError`s that name the database file and say what to do.
enum StoreError {
    static func describe(_ error: any Error, path: String, doing: String) -> VantageError {
        if let vantage = error as? VantageError { return vantage }
        let at = SourceLocation(file: path)
        guard let db = error as? DatabaseError else {
            return VantageError(.io, "could not \(doing) the database: \(error)", at: at)
        }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return VantageError(.io, "the database is not a readable SQLite file (it may be corrupt) while trying to \(doing)",
                                at: at,
                                hint: "move it aside (mv '\(path)' '\(path).broken') and start Vantage again: a new one is created; history is lost, projects come back with the next scan")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return VantageError(.io, "cannot write the database while trying to \(doing)",
                                at: at,
                                hint: "check the permissions of the file and its folder, or set VANTAGE_HOME to a folder you may write to")
        case .SQLITE_FULL:
            return VantageError(.io, "the disk is full while trying to \(doing); nothing already saved was lost",
                                at: at, hint: "free some space; Vantage keeps recording once it can")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return VantageError(.conflict, "the database stayed locked by another process while trying to \(doing)",
                                at: at, hint: "another vantage may be writing; try again")
        case .SQLITE_IOERR:
            return VantageError(.io, "the disk reported an error while trying to \(doing) (\(db.message ?? "I/O error"))",
                                at: at, hint: "check the disk (dmesg) and free space")
        default:
            return VantageError(.io, "SQLite failed while trying to \(doing): \(db.message ?? "\(db.resultCode)")", at: at)
        }
    }
}
