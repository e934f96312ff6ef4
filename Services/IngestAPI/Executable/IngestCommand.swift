import ArgumentParser
import Database
import Foundation
import Hummingbird
import Identity
import IngestAPI
import Logging
import ServiceRuntime

/// `ingest-api`: serves the write edge, and manages the shared users and tokens.
@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-api",
        abstract: "Burstwire's write edge: FRB uploads, VOEvents (HTTP and VTP), YSE-PZ uploads, Slack callbacks.",
        subcommands: [Serve.self, User.self, Token.self],
        defaultSubcommand: Serve.self)
}

struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $BURSTWIRE_CONFIG or config/burstwire.yaml).")
    var config: String?

    func load() throws -> IngestConfiguration {
        try ConfigurationLoader().load(IngestConfiguration.self, path: config)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API and the VTP listener.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let configuration: IngestConfiguration
        do {
            configuration = try options.load()
            Observability.bootstrapLogging(level: try configuration.log.logLevel())
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("ingest-api: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let (application, _) = try await buildApplication(configuration: configuration)
        try await application.runService()
    }
}

/// Shared-identity administration against the configured database.
struct IdentityAdmin {
    let store: IdentityStore
    let pool: DatabasePool

    static func open(_ options: ConfigOption) async throws -> IdentityAdmin {
        let configuration = try options.load()
        let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value, maximumConnections: 2))
        try await IdentityStore.migrator.migrate(pool)
        return IdentityAdmin(store: IdentityStore(pool: pool), pool: pool)
    }
}

func parseScopes(_ text: String) throws -> Set<Scope> {
    var scopes = Set<Scope>()
    for name in text.split(separator: ",") {
        guard let scope = Scope(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("unknown scope \(name); use ingest, read, admin")
        }
        scopes.insert(scope)
    }
    return scopes
}

/// Reads a password from standard input (first line), so it never appears in the process list or shell history.
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("pipe the password on standard input")
    }
    return line
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage users.", subcommands: [Add.self, Password.self, Remove.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from standard input.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String
        @Option(help: "Comma-separated scopes: ingest, read, admin.") var scopes = "ingest,read"

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            let id = try await admin.store.addUser(username: username, password: try readPassword(), scopes: try parseScopes(scopes))
            print("user \(username) added (id \(id))")
            await admin.pool.close()
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's password (read from standard input).")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            try await admin.store.setPassword(username: username, password: try readPassword())
            print("password of \(username) changed")
            await admin.pool.close()
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user and revoke their tokens.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            try await admin.store.removeUser(username: username)
            print("user \(username) removed")
            await admin.pool.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and their scopes.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            for user in try await admin.store.users() {
                print("\(user.username)\t\(user.scopes.map(\.rawValue).sorted().joined(separator: ","))")
            }
            await admin.pool.close()
        }
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Issue and revoke bearer tokens.", subcommands: [Issue.self, Revoke.self, List.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token; it is printed once and stored only as a hash.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String
        @Option(help: "A label for the token.") var name = "default"
        @Option(help: "Comma-separated scopes (a subset of the user's).") var scopes = "ingest"

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            let token = try await admin.store.issueToken(username: username, name: name, scopes: try parseScopes(scopes))
            print("token id \(token.id): \(token.token)")
            await admin.pool.close()
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id.")
        @OptionGroup var options: ConfigOption
        @Argument var id: Int64

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            try await admin.store.revokeToken(id: id)
            print("token \(id) revoked")
            await admin.pool.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a user's tokens.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            let admin = try await IdentityAdmin.open(options)
            for token in try await admin.store.tokens(username: username) {
                print("\(token.id)\t\(token.name)\t\(token.scopes.map(\.rawValue).sorted().joined(separator: ","))\t\(token.revokedAt == nil ? "active" : "revoked")")
            }
            await admin.pool.close()
        }
    }
}
