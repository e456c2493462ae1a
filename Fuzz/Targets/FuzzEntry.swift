import Foundation

// libFuzzer's entry points (the binary is linked with -sanitize=fuzzer). SwiftPM links an
// executable target's `main` to `<module>_main` (`vantage_fuzz_main`), so that function hands
// over to libFuzzer's driver instead of libFuzzer's own `main`.
// VANTAGE_FUZZ_TARGET selects the target; `list` prints every target and its seed folders,
// one per line (`name<TAB>folder<TAB>folder...`), which is how scripts/fuzz.sh learns them.

let allFuzzTargets: [FuzzTarget] = [
    tomlFuzzTarget, projectConfigFuzzTarget, jsonLocksFuzzTarget, textLocksFuzzTarget, composeFuzzTarget,
    pep508FuzzTarget, requirementsFuzzTarget, pomFuzzTarget, procfileFuzzTarget, dotEnvFuzzTarget,
    osvFuzzTarget, cvssFuzzTarget, versionsFuzzTarget, controlFuzzTarget, logMinerFuzzTarget, cronFuzzTarget,
]

let selectedFuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["VANTAGE_FUZZ_TARGET"] ?? ""
    if name == "list" {
        for t in allFuzzTargets { print(([t.name] + t.seeds).joined(separator: "\t")) }
        exit(0)
    }
    guard let target = allFuzzTargets.first(where: { $0.name == name }) else {
        let names = allFuzzTargets.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("vantage-fuzz: set VANTAGE_FUZZ_TARGET to one of: \(names) (or list); it is \"\(name)\"\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutableRawPointer) -> CInt {
    _ = selectedFuzzTarget.name
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selectedFuzzTarget.run(UnsafeBufferPointer(start: count == 0 ? nil : bytes, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("vantage_fuzz_main")
public func vantageFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc, arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzTestOneInput(bytes, size) }
}
