import Foundation
import Testing
@testable import VantageProbes
import VantageCore

extension MonitorSampler {
    /// One sampling pass now. The time only stamps the samples: what is tested is the kernel's
    /// figures (the rates come from its counters), so real wall time is the right stamp here.
    func sampleNow() -> (system: SystemSample, projects: [ProjectSample]) { sample(at: Date()) }

    /// The sample of the `index`th watched project, as a failed requirement when it is missing
    /// (never an index trap, which would end the whole test run).
    func project(_ index: Int = 0) throws -> ProjectSample {
        let projects = sampleNow().projects
        try #require(projects.count > index)
        return projects[index]
    }
}
