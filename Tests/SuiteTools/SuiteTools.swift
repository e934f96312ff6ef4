import ArgumentParser

/// Tools for running the whole suite locally: the simulated outside world for `scripts/suite` and
/// `scripts/demo`, a VTP sender, and the steady upload load and exactly-once count of `scripts/fault-test`.
@main
struct SuiteTools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite-tools",
        abstract: "Simulators, a VTP sender, and the fault test's load and counts.",
        subcommands: [SimulatorsCommand.self, SendVTPCommand.self, LoadCommand.self, VerifyCommand.self])
}
