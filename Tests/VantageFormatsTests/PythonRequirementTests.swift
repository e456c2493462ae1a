import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct PythonRequirementTests {
    @Test func pep508Forms() throws {
        let r = try #require(PythonRequirement("flask[async, dotenv] (>= 3.1, <4) ; python_version > '3.8'"))
        #expect(r.name == "flask")
        #expect(r.extras == ["async", "dotenv"])
        #expect(r.specifier == ">=3.1,<4")
        #expect(r.marker == "python_version > '3.8'")
        #expect(PythonRequirement("flask==3.1.3")?.pinnedVersion == "3.1.3")
        #expect(PythonRequirement("zope.interface===5.5.2")?.pinnedVersion == "5.5.2")
        #expect(PythonRequirement("django==4.*")?.pinnedVersion == nil)
        #expect(PythonRequirement("requests")?.specifier == "")
        let url = try #require(PythonRequirement("pkg @ https://example.com/pkg.whl"))
        #expect(url.url == "https://example.com/pkg.whl")
        #expect(url.specifier == "")
        for bad in ["not a requirement", "-flag", "[x]", "name[unclosed", ""] {
            #expect(PythonRequirement(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct RequirementsFileTests {
    @Test func linesOptionsContinuationsAndComments() throws {
        let file = RequirementsFile.parse("""
            # top
            -r base.txt
            --requirement=other.txt
            -cconstraints.txt
            --index-url https://pypi.org/simple
            Flask==2.2.2 \\
                --hash=sha256:abc \\
                --hash=sha256:def
            requests[security]>=2.28,<3 ; python_version >= "3.7"  # why
            -e ./local-pkg
            ./wheels/x.whl
            https://example.com/y.tar.gz
            this is wrong
            """, file: "/p/requirements.txt")
        #expect(file.lines.map(\.line) == [2, 3, 4, 6, 9, 10, 11, 12])
        try #require(file.lines.count > 0)
        #expect(file.lines[0].item == .include("base.txt", constraint: false))
        try #require(file.lines.count > 1)
        #expect(file.lines[1].item == .include("other.txt", constraint: false))
        try #require(file.lines.count > 2)
        #expect(file.lines[2].item == .include("constraints.txt", constraint: true))
        try #require(file.lines.count > 3)
        #expect(file.lines[3].item == .requirement(PythonRequirement(name: "Flask", specifier: "==2.2.2")))
        try #require(file.lines.count > 4)
        #expect(file.lines[4].item == .requirement(PythonRequirement(name: "requests", extras: ["security"], specifier: ">=2.28,<3", marker: "python_version >= \"3.7\"")))
        try #require(file.lines.count > 5)
        #expect(file.lines[5].item == .editable("./local-pkg"))
        try #require(file.lines.count > 6)
        #expect(file.lines[6].item == .location("./wheels/x.whl"))
        try #require(file.lines.count > 7)
        #expect(file.lines[7].item == .location("https://example.com/y.tar.gz"))
        #expect(file.problems.map(\.location) == [SourceLocation(file: "/p/requirements.txt", line: 13, field: "this is wrong")])
        #expect(file.problems.first?.message == "not a requirement: \"this is wrong\"")
    }

    @Test func includesAreReadOnceInOrderAndACycleEnds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let top = try folder.write("requirements.txt", "-r requirements/base.txt\n-c constraints.txt\nflask==3\n")
        try folder.write("constraints.txt", "urllib3<2\n")
        try folder.write("requirements/base.txt", "jinja2==3\n-r ../requirements.txt\n-r extra.txt\n")
        try folder.write("requirements/extra.txt", "click==8\n")
        let (files, problems) = try RequirementsFile.readIncludes(top)
        #expect(problems.isEmpty, "\(problems)")
        #expect(files.map { ($0.file as NSString).lastPathComponent } == ["requirements.txt", "base.txt", "extra.txt"])
    }

    @Test func aMissingIncludeIsLocated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let top = try folder.write("requirements.txt", "flask\n-r nowhere.txt\n")
        let (_, problems) = try RequirementsFile.readIncludes(top)
        #expect(problems.map(\.description) == ["\(top):2: field '-r': included file 'nowhere.txt' does not exist"])
    }

    /// Issue 20: an 8,000-deep `-r` chain overflowed the stack. It is read without recursion and
    /// stops with a located error at the limit.
    @Test func anEightThousandDeepIncludeChainIsALocatedError() async throws {
        let folder = try TemporaryFolder("chain")
        defer { folder.remove() }
        for i in 0..<8_000 { try folder.write("r\(i).txt", "pkg\(i)==1\n-r r\(i + 1).txt\n") }
        try folder.write("r8000.txt", "last==1\n")
        let (files, problems) = try await Task.detached { try RequirementsFile.readIncludes(folder.path + "/r0.txt") }.value
        #expect(files.count == RequirementsFile.maxIncludeDepth + 1)
        #expect(problems.count == 1)
        let p = try #require(problems.first)
        #expect(p.location == SourceLocation(file: folder.path + "/r\(RequirementsFile.maxIncludeDepth).txt", line: 2, field: "-r"))
        #expect(p.message == "-r includes nest more than \(RequirementsFile.maxIncludeDepth) files deep")
    }
}

@Suite struct PyprojectTests {
    @Test func pep621PoetryAndGroups() throws {
        let toml = try TOMLParser.parse("""
            [project]
            name = "billing"
            dependencies = ["urllib3==1.26.5", "click>=8.0", 7, "not valid here"]
            [project.optional-dependencies]
            web = ["fastapi"]
            [project.scripts]
            bill = "billing:main"
            [dependency-groups]
            test = ["pytest==8.0.0", {include-group = "lint"}]
            [tool.poetry]
            name = "ignored"
            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "^2.31"
            fastapi = { version = "0.110.0", markers = "python_version >= '3.9'" }
            mine = { path = "../mine" }
            odd = 3
            [tool.poetry.group.dev.dependencies]
            ruff = "*"
            """, file: "/p/pyproject.toml")
        let p = Pyproject.parse(toml, file: "/p/pyproject.toml")
        #expect(p.name == "billing")
        #expect(p.scripts == ["bill"])
        #expect(p.requirements.map(\.requirement.name) == ["urllib3", "click", "fastapi", "pytest"])
        #expect(p.requirements.map(\.isDev) == [false, false, false, true])
        #expect(p.requirements.map(\.line) == [3, 3, 5, 9])
        #expect(p.poetryDependencies.map(\.name) == ["requests", "fastapi", "mine", "ruff"])
        try #require(p.poetryDependencies.count > 1)
        #expect(p.poetryDependencies[1].constraint == "0.110.0")
        #expect(p.poetryDependencies[1].markers == "python_version >= '3.9'")
        try #require(p.poetryDependencies.count > 2)
        #expect(p.poetryDependencies[2].isPath)
        try #require(p.poetryDependencies.count > 3)
        #expect(p.poetryDependencies[3].isDev)
        #expect(p.problems.map(\.description) == [
            "/p/pyproject.toml:3: field 'project.dependencies': not a requirement: an integer (write it as name specifier, e.g. \"flask>=3.0\")",
            "/p/pyproject.toml:3: field 'project.dependencies': not a requirement: \"not valid here\" (write it as name specifier, e.g. \"flask>=3.0\")",
            "/p/pyproject.toml:17: field 'tool.poetry.dependencies.odd': a Poetry dependency must be a version string or a table, not an integer",
        ])
    }
}
