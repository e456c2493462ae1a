import Foundation
import Testing
@testable import VantageAnalyzer

@Suite struct LogTemplateMinerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/logs")

    @Test func linesOfOneTemplateShareACluster() {
        let miner = LogTemplateMiner()
        let a = miner.add("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating")
        let b = miner.add("081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating")
        let c = miner.add("081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to blk_7128370237687728475 size 67108864")
        #expect(a == b)
        #expect(a != c)
        #expect(miner.template(of: a) == "PacketResponder <*> for block <*> terminating")
        #expect(miner.template(of: c) == "BLOCK* NameSystem.addStoredBlock: blockMap updated: <*> is added to <*> size <*>")
        let cluster = miner.cluster(a)
        #expect(cluster?.count == 2)
        #expect(cluster?.firstLine == 1)
        #expect(cluster?.lastLine == 2)
        #expect(miner.lineCount == 3)
    }

    @Test func differingWordsBecomeWildcardsWhenMostWordsMatch() {
        let miner = LogTemplateMiner()
        let a = miner.add("settings page of the admin console opened by alice")
        let b = miner.add("settings page of the admin console opened by bob")
        #expect(a == b)
        #expect(miner.template(of: a) == "settings page of the admin console opened by <*>")
    }

    @Test func aVariableWordAmongTheLeadingTokensStillJoinsTheTemplate() {
        let miner = LogTemplateMiner()
        let a = miner.add("user alice opened the settings page")
        let b = miner.add("user bob opened the settings page")
        let c = miner.add("user carol opened the settings page")
        let other = miner.add("user alice deleted her whole account")
        #expect(a == b)
        #expect(b == c)
        #expect(miner.template(of: a) == "user <*> opened the settings page")
        #expect(other != a)
        // Leading words that differ where nothing else is shared stay apart.
        #expect(miner.add("start x") != miner.add("stop x"))
    }

    @Test func templatesThatShareFewWordsStayApart() {
        let miner = LogTemplateMiner()
        let a = miner.add("Client attempting to establish new session at /10.10.34.11:50286")
        let b = miner.add("Client attempting to renew session 0x24f0557806a0020 at /10.10.34.17:55969")
        #expect(a != b)
    }

    @Test func valueListsOfAnyLengthShareATemplate() {
        let miner = LogTemplateMiner()
        let a = miner.add("ask 10.250.18.114:50010 to delete blk_-5140072410813878235")
        let b = miner.add("ask 10.250.17.177:50010 to delete blk_-8570780307468499817 blk_-9122557405432088649 blk_4393")
        #expect(a == b)
        #expect(miner.template(of: a) == "ask <*> to delete <*>")
    }

    @Test func writtenOutDatesInsideMessagesAreValues() {
        let miner = LogTemplateMiner()
        let a = miner.add("session opened, last login Sun Dec 04 04:47:44 2005 from 10.0.0.1")
        let b = miner.add("session opened, last login Mon Jan 16 11:02:13 2006 from 10.0.0.2")
        #expect(a == b)
        #expect(miner.template(of: a) == "session opened, last login <*> from <*>")
        // A month name that is not next to a value is a word.
        let c = miner.add("backups run every Sunday, see the May report")
        #expect(miner.template(of: c) == "backups run every Sunday, see the May report")
    }

    @Test func mixedFormatsFromOneFileGroupByMessage() throws {
        let mining = try LogFileMining.mine(path: Self.fixtures.appendingPathComponent("mixed-services.log").path)
        #expect(mining.assignments.count == 12)
        let templates = mining.miner.clusters.map(\.template)
        #expect(templates == [
            "Server started on port <*>",
            "Connection to <*> lost, retrying in <*> s",
            "Loaded <*> in <*>",
            "host sshd[<*>]: Accepted publickey for <*> from <*> port <*>",
            "request <*> failed",
            "job <*> finished after <*> s",
        ])
        // Each pair of consecutive lines shares a cluster; clusters are numbered in order of creation.
        let ids = mining.assignments.map(\.rawValue)
        #expect(ids == [1, 2, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6])
        #expect(mining.clustersByCount.allSatisfy { $0.count == 2 })
    }

    @Test func structuredAndFrameworkFormatsGroupByMessage() throws {
        let mining = try LogFileMining.mine(path: Self.fixtures.appendingPathComponent("structured.log").path)
        #expect(mining.miner.clusters.map(\.template) == [
            "level=error ts=<*> msg=dial failed addr=<*>",
            "level=info ts=<*> msg=request done status=<*> path=<*>",
            "time=\"<*>\" level=info msg=\"cache warmed\" entries=<*>",
            "slow query took <*> ms",
            "Started GET \"<*>\" for <*>",
            "Listening on <*>",
            // Not a complete JSON object: read as words.
            "{\"msg\": \"broken json line\", \"n\":",
        ])
        #expect(mining.assignments.map(\.rawValue) == [1, 2, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7])
    }

    @Test func crlfEndingsAndAMissingFinalNewlineAreHandled() {
        let data = Data("a b 1\r\na b 2\r\na b 3".utf8)
        let mining = LogFileMining.mine(data: data)
        #expect(mining.assignments.count == 3)
        #expect(mining.miner.clusters.map(\.template) == ["a b <*>"])
    }

    @Test func invalidUTF8AndEmptyLinesDoNotCrash() {
        var bytes = Array("ok line 1\n\n".utf8)
        bytes += [0xFF, 0xFE, 0x20, 0x31, 0x0A]
        let mining = LogFileMining.mine(data: Data(bytes))
        #expect(mining.assignments.count == 3)
        #expect(Set(mining.assignments).count == 3)
    }

    @Test func unreadableFileIsAnErrorNamingIt() {
        #expect {
            _ = try LogFileMining.mine(path: "/nonexistent/app.log")
        } throws: { error in
            "\(error)".contains("/nonexistent/app.log")
        }
    }
}

@Suite struct LogLineHeaderTests {
    func message(_ line: String) -> String {
        var line = line
        return line.withUTF8 { b in String(decoding: b[LogLineHeader.messageStart(b)...], as: UTF8.self) }
    }

    @Test func headersOfCommonLoggersAreStripped() {
        #expect(message("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating") == "PacketResponder 1 terminating")
        #expect(message("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties") == "workerEnv.init() ok /etc/httpd/conf/workers2.properties")
        #expect(message("[Sun Dec 04 06:19:18 2005] [error] [client 81.199.21.119] Directory index forbidden by rule: /var/www/html/") == "[client 81.199.21.119] Directory index forbidden by rule: /var/www/html/")
        #expect(message("2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200") == "Notification time out: 3200")
        #expect(message("- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected") == "instruction cache parity error corrected")
        #expect(message("2024-01-02 10:00:00,123 - myapp.db - ERROR - Connection lost") == "Connection lost")
        #expect(message("2024-01-02T10:00:00.5Z [WARN] disk almost full") == "disk almost full")
        // log4j: thread in brackets and a logger name, in either order around the level.
        #expect(message("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster") == "Created MRAppMaster")
        #expect(message("2015-10-18 18:01:53,447 INFO [AsyncDispatcher event handler] org.apache.hadoop.mapreduce.v2.app.speculate.DefaultSpeculator: JOB_CREATE job_1") == "JOB_CREATE job_1")
        #expect(message("2024-01-02 10:00:00,001 [pool-2-thread-1] WARN  com.example.cache.Loader - cache miss for 42") == "cache miss for 42")
        #expect(message("17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]") == "Registered signal handlers for [TERM, HUP, INT]")
    }

    @Test func messageWordsAreNotTakenForALevel() {
        // "error" in lower case and after ordinary words is part of the message.
        #expect(message("Connection error from 10.0.0.1") == "Connection error from 10.0.0.1")
        #expect(message("2024-01-02 10:00:00 disk error on sda") == "disk error on sda")
    }

    @Test func syslogTimestampIsSkippedWithoutALevel() {
        #expect(message("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown") == "combo sshd(pam_unix)[19939]: check pass; user unknown")
    }
}

@Suite struct LogTokenMaskerTests {
    func masked(_ text: String) -> String {
        var masker = LogTokenMasker()
        var tokens: [String] = []
        var text = text
        text.withUTF8 { b in masker.tokens(b, from: 0) { tokens.append(String(decoding: $0, as: UTF8.self)) } }
        return tokens.joined(separator: " ")
    }

    @Test func valuesAreMasked() {
        #expect(masked("42 -7 3.14 0x1F 10.0.0.1 10.0.0.1:8080 [::1]:443 fe80::1ff:fe23:4567:890a") == "<*> <*> <*> <*> <*> <*> [<*> <*>")
        #expect(masked("550e8400-e29b-41d4-a716-446655440000 2024-03-01T10:00:11Z 17:41:44,747") == "<*> <*> <*>")
        #expect(masked("/var/log/x.log ./a/b ~/c C:\\Windows https://example.com/x") == "<*> <*> <*> <*> <*>")
        #expect(masked("deadbeef42 (6), blk_-123") == "<*> (<*>), <*>")
    }

    @Test func namesAndKeysStay() {
        #expect(masked("jk2_init() log4j.properties user=alice code=404 sessionid:0x14ede enable......1") == "jk2_init() log4j.properties user=alice code=<*> sessionid:<*> enable......<*>")
        #expect(masked("core.1234 touch.0 java.version=1.7.0") == "core.<*> touch.<*> java.version=<*>")
        #expect(masked("Error:KeeperErrorCode Found child") == "Error:KeeperErrorCode Found child")
    }
}

@Suite struct CSVFieldTests {
    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVField.escape("plain <*> text") == "plain <*> text")
        #expect(CSVField.escape("a, b") == "\"a, b\"")
        #expect(CSVField.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.escape("two\nlines") == "\"two\nlines\"")
    }
}
