/// Why an operator action on the identity store was refused. A struct with an extensible code, like
/// `DatabaseError`. Its description names the code and, where useful, the username or token id concerned;
/// it never holds a password or a token, nor a username that failed validation (it could be a secret pasted
/// into the wrong field).
public struct IdentityError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        public static let userExists = Code(name: "userExists")
        public static let unknownUser = Code(name: "unknownUser")
        public static let unknownToken = Code(name: "unknownToken")
        /// A token asked for a scope its user does not hold.
        public static let scopeNotGranted = Code(name: "scopeNotGranted")
        /// Usernames follow Django's rule: 1–150 letters, digits and `@.+-_`.
        public static let invalidUsername = Code(name: "invalidUsername")
        /// Passwords need at least `IdentityStore.minimumPasswordLength` characters.
        public static let weakPassword = Code(name: "weakPassword")
        /// An imported hash is not in Django's `pbkdf2_sha256` encoding.
        public static let invalidPasswordHash = Code(name: "invalidPasswordHash")
        /// Token names are 1–100 characters.
        public static let invalidTokenName = Code(name: "invalidTokenName")
    }

    public let code: Code
    /// The username or token concerned (`"alice"`, `"token 42"`), when it is safe to show.
    public let subject: String?

    public init(_ code: Code, subject: String? = nil) {
        self.code = code
        self.subject = subject
    }

    public var description: String {
        if let subject { return "IdentityError(\(code): \(subject))" }
        return "IdentityError(\(code))"
    }
}
