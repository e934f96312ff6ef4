/// Input rules for operator actions, checked before anything is hashed or stored.
enum Validation {
    /// Django's username rule (`^[\w.@+-]+$`, at most 150 characters), so imported usernames stay valid and
    /// none contains the colon that separates HTTP Basic's username from its password.
    static func checkUsername(_ username: String) throws {
        let allowedPunctuation: Set<Character> = [".", "@", "+", "-", "_"]
        guard (1...150).contains(username.count),
              username.allSatisfy({ $0.isLetter || $0.isNumber || allowedPunctuation.contains($0) }) else {
            throw IdentityError(.invalidUsername)
        }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= IdentityStore.minimumPasswordLength else { throw IdentityError(.weakPassword) }
    }

    static func checkTokenName(_ name: String) throws {
        guard (1...100).contains(name.count), !name.allSatisfy(\.isWhitespace) else { throw IdentityError(.invalidTokenName) }
    }
}
