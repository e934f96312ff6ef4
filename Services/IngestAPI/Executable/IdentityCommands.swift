import ArgumentParser
import Database
import Identity
import IngestAPI

/// Opens the shared identity store of the configured database for one operator command.
func withIdentityStore<R>(_ options: ConfigOption, _ body: (IdentityStore) async throws -> R) async throws -> R {
    let configuration = try options.load()
    let pool = DatabasePool(configuration: .init(conninfo: configuration.database.url.value, maximumConnections: 2))
    do {
        try await IdentityStore.migrator.migrate(pool)
        let result = try await body(IdentityStore(pool: pool))
        await pool.close()
        return result
    } catch {
        await pool.close()
        throw error
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

func scopeList(_ scopes: Set<Scope>) -> String {
    scopes.map(\.rawValue).sorted().joined(separator: ",")
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
            let password = try readPassword()
            let scopes = try parseScopes(scopes)
            let id = try await withIdentityStore(options) { try await $0.addUser(username: username, password: password, scopes: scopes) }
            print("user \(username) added (id \(id))")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's password (read from standard input).")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            let password = try readPassword()
            try await withIdentityStore(options) { try await $0.setPassword(username: username, password: password) }
            print("password of \(username) changed")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user and revoke their tokens.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            try await withIdentityStore(options) { try await $0.removeUser(username: username) }
            print("user \(username) removed")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and their scopes.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            for user in try await withIdentityStore(options, { try await $0.users() }) {
                print("\(user.username)\t\(scopeList(user.scopes))")
            }
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
            let scopes = try parseScopes(scopes)
            let token = try await withIdentityStore(options) { try await $0.issueToken(username: username, name: name, scopes: scopes) }
            print("token id \(token.id): \(token.token)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id.")
        @OptionGroup var options: ConfigOption
        @Argument var id: Int64

        func run() async throws {
            try await withIdentityStore(options) { try await $0.revokeToken(id: id) }
            print("token \(id) revoked")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a user's tokens.")
        @OptionGroup var options: ConfigOption
        @Argument var username: String

        func run() async throws {
            for token in try await withIdentityStore(options, { try await $0.tokens(username: username) }) {
                print("\(token.id)\t\(token.name)\t\(scopeList(token.scopes))\t\(token.revokedAt == nil ? "active" : "revoked")")
            }
        }
    }
}
