/// Why a TNS report could not be built or a TNS answer was not a success. Built only from our own
/// values and the answer's body, never from the request, so the API key cannot end up in a log line.
struct TNSError: Error, Sendable, Equatable, CustomStringConvertible {
    var reason: String

    var description: String { reason }
}
