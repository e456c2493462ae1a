import VantageAnalyzer

/// The log miner: every line's header read, its tokens masked, templates grouped into clusters.
let logMinerFuzzTarget = FuzzTarget(name: "log-miner", seeds: ["Tests/VantageAnalyzerTests/Fixtures/logs"]) { input in
    let mining = LogFileMining.mine(data: input.data)
    for cluster in mining.clustersByCount.prefix(8) { _ = cluster.template }
}
