import Foundation
import Testing
@testable import VantageAnalyzer

@Suite struct LogTemplateMinerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/logs")

    /// Mines `lines` and returns, per line, its cluster number and the templates in cluster order.
    func mine(_ lines: [String]) -> (ids: [Int], templates: [String], grouping: LogTemplateGrouping) {
        let miner = LogTemplateMiner()
        let shapes = lines.map { miner.add($0) }
        let grouping = miner.grouping()
        return (shapes.map { grouping.clusterOfShape[$0].rawValue }, grouping.clusters.map(\.template), grouping)
    }

    @Test func linesOfOneTemplateShareACluster() {
        let (ids, templates, grouping) = mine([
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",
            "081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating",
            "081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to blk_7128370237687728475 size 67108864",
        ])
        #expect(ids == [1, 1, 2])
        #expect(templates == [
            "PacketResponder <*> for block <*> terminating",
            "BLOCK* NameSystem.addStoredBlock: blockMap updated: <*> is added to <*> size <*>",
        ])
        let cluster = grouping.cluster(LogClusterID(1))
        #expect(cluster?.count == 2)
        #expect(cluster?.firstLine == 1)
        #expect(cluster?.lastLine == 2)
    }

    static let users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]

    @Test func aWordThatTakesManyValuesIsAVariable() {
        // Written for the rule: a user name is a variable that is a whole word.
        let (ids, templates, _) = mine(Self.users.map { "user \($0) opened the settings page" }
            + ["user alice deleted her whole account"])
        #expect(Set(ids.dropLast()) == [1])
        #expect(ids.last == 2)
        #expect(templates == ["user <*> opened the settings page", "user alice deleted her whole account"])
    }

    @Test func aProgramNameBeforeADashIsAVariable() {
        // Written for the rule: `%s - %s` with the program name first (the routing word of a prefix tree).
        let programs = ["cron", "sshd", "nginx", "postgres", "redis-server", "dockerd", "containerd", "systemd"]
        let (ids, templates, _) = mine(programs.map { "\($0) - restarted after a crash, next check in 30 s" }
            + programs.map { "\($0) - stopped by the operator" })
        #expect(Set(ids.prefix(8)) == [1])
        #expect(Set(ids.suffix(8)) == [2])
        #expect(templates == ["<*> - restarted after a crash, next check in <*> s", "<*> - stopped by the operator"])
    }

    @Test func aWordThatTakesFewValuesManyTimesTellsTemplatesApart() throws {
        // Zookeeper's `Notification: ... LOOKING (n.state) ...` lines: the state words are constants.
        let line = { (state: String, mine: String, n: Int) in
            "Notification: \(n) (n.leader), 0x70000\(n) (n.zxid), 0x\(n) (n.round), \(state) (n.state), \(n) (n.sid), 0x7 (n.peerEPoch), \(mine) (my state)"
        }
        var lines: [String] = []
        for n in 1 ... 4 {
            lines.append(line("LOOKING", "LOOKING", n))
            lines.append(line("LOOKING", "FOLLOWING", n))
            lines.append(line("FOLLOWING", "LEADING", n))
        }
        let (ids, templates, _) = mine(lines)
        #expect(ids == [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
        try #require(templates.count > 2)
        #expect(templates[2] == "Notification: <*> (n.leader), <*> (n.zxid), <*> (n.round), FOLLOWING (n.state), <*> (n.sid), <*> (n.peerEPoch), LEADING (my state)")
    }

    @Test func shortMessagesKeepTheirWords() {
        // Zookeeper prints its state alone on a line.
        let (ids, templates, _) = mine(["LOOKING", "FOLLOWING", "LOOKING", "Starting quorum peer", "FOLLOWING", "LEADING"])
        #expect(ids == [1, 2, 1, 3, 2, 4])
        #expect(templates == ["LOOKING", "FOLLOWING", "Starting quorum peer", "LEADING"])
        // Two one-word messages seen once each are two templates, not one variable.
        #expect(mine(["start x", "stop x"]).ids == [1, 2])
    }

    @Test func aValueHoldingSpacesJoinsTheTemplate() {
        // Written for the rule: a name of two or three words changes the word count, not the template.
        let (ids, templates, _) = mine(Self.users.map { "login by \($0) from 10.0.0.1 accepted" }
            + ["login by John Smith from 10.0.0.2 accepted", "login by Mary Ann Jones from 10.0.0.3 accepted"])
        #expect(Set(ids) == [1])
        #expect(templates == ["login by <*> from <*> accepted"])
    }

    @Test func templatesThatShareFewWordsStayApart() {
        let (ids, _, _) = mine([
            "Client attempting to establish new session at /10.10.34.11:50286",
            "Client attempting to renew session 0x24f0557806a0020 at /10.10.34.17:55969",
        ])
        #expect(ids == [1, 2])
        // Zookeeper's settings: one line per setting name.
        #expect(mine(["tickTime set to 2000", "minSessionTimeout set to -1", "maxSessionTimeout set to -1"]).ids == [1, 2, 3])
    }

    @Test func valueListsOfAnyLengthShareATemplate() {
        let (ids, templates, _) = mine([
            "ask 10.250.18.114:50010 to delete blk_-5140072410813878235",
            "ask 10.250.17.177:50010 to delete blk_-8570780307468499817 blk_-9122557405432088649 blk_4393",
        ])
        #expect(ids == [1, 1])
        #expect(templates == ["ask <*> to delete <*>"])
    }

    @Test func writtenOutDatesInsideMessagesAreValues() {
        let (ids, templates, _) = mine([
            "session opened, last login Sun Dec 04 04:47:44 2005 from 10.0.0.1",
            "session opened, last login Mon Jan 16 11:02:13 2006 from 10.0.0.2",
            // A month name that is not next to a value is a word.
            "backups run every Sunday, see the May report",
        ])
        #expect(ids == [1, 1, 2])
        #expect(templates == ["session opened, last login <*> from <*>", "backups run every Sunday, see the May report"])
    }

    @Test func scaledSizesAreOneValue() {
        // Written for the rule: a program that scales a size picks the unit with the number.
        let (ids, templates, _) = mine(["upload done: 1.57 KB sent", "upload done: 3 MB sent", "upload done: 2.1 GiB sent"])
        #expect(ids == [1, 1, 1])
        #expect(templates == ["upload done: <*> sent"])
        // A unit the format string writes stays a word.
        #expect(mine(["read 12 bytes from disk", "read 14 bytes from disk"]).templates == ["read <*> bytes from disk"])
    }

    @Test func mixedFormatsFromOneFileGroupByMessage() throws {
        let mining = try LogFileMining.mine(path: Self.fixtures.appendingPathComponent("mixed-services.log").path)
        #expect(mining.assignments.count == 12)
        let templates = mining.clusters.map(\.template)
        #expect(templates == [
            "Server started on port <*>",
            "Connection to <*> lost, retrying in <*> s",
            "Loaded <*> in <*>",
            "host sshd[<*>]: Accepted publickey for deploy from <*> port <*>",
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
        #expect(mining.clusters.map(\.template) == [
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
        #expect(mining.clusters.map(\.template) == ["a b <*>"])
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

    @Test func quotedTextIsOneValue() {
        // Written for the rule: programs quote what they insert, spaces included.
        #expect(masked("KeyError: 'user'") == "KeyError: '<*>'")
        #expect(masked("FileNotFoundError: [Errno 2] No such file or directory: '/tmp/a b/x.conf'") == "FileNotFoundError: [Errno <*>] No such file or directory: '<*>'")
        #expect(masked("unknown command `git frob`, see help") == "unknown command `<*>`, see help")
        #expect(masked("(''), jk2_init() Can't find child 6725 in scoreboard") == "('<*>'), jk2_init() Can't find child <*> in scoreboard")
        // A quote that is not closed before a space is an apostrophe.
        #expect(masked("'tis the season") == "'tis the season")
    }

    @Test func durationsAndTimesAreValues() {
        // Written for the rule; the BGL line is from loghub.
        #expect(masked("took 1.5s, then 200ms, lifetime 00:01:02") == "took <*>, then <*>, lifetime <*>")
        #expect(masked("retrying in 5 s") == "retrying in <*> s")
        #expect(masked("NFS Mount failed on bglio716, slept 15 seconds, retrying (1)") == "NFS Mount failed on <*>, slept <*> seconds, retrying (<*>)")
    }

    @Test func keyValuePairsKeepTheKey() {
        // BGL and Zookeeper lines from loghub.
        #expect(masked("ciod: Received signal 15, code=0, errno=0, address=0x000001b0") == "ciod: Received signal <*>, code=<*>, errno=<*>, address=<*>")
        #expect(masked("Expiring session 0x14ede63a5a70000, timeout of 10000ms exceeded") == "Expiring session <*>, timeout of <*> exceeded")
        // A dot leader ending in a number is one value (no rule of its own).
        #expect(masked("machine check: i-fetch......................0") == "machine check: <*>")
    }

    @Test func namesAndKeysStay() {
        #expect(masked("jk2_init() log4j.properties user=alice code=404 sessionid:0x14ede") == "jk2_init() log4j.properties user=alice code=<*> sessionid:<*>")
        #expect(masked("core.1234 java.version=1.7.0") == "<*> java.version=<*>")
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
