import Schema

/// What a decision asks of the MWA; recorded with the decision, so a redelivery carries out exactly
/// what was decided, not a fresh plan.
enum MWAAction: Codable, Sendable, Equatable {
    case buffer(MWABufferRequest)
    case observation(voltageCapture: Bool, MWAObservationRequest)

    var projectId: String {
        switch self {
        case .buffer(let request): request.projectId
        case .observation(_, let request): request.projectId
        }
    }

    var pretend: Bool {
        switch self {
        case .buffer(let request): request.pretend
        case .observation(_, let request): request.pretend
        }
    }

    /// The endpoint and the parameters sent (without the secure key), for the record.
    var described: (endpoint: MWAEndpoint, parameters: [String: String]) {
        switch self {
        case .buffer(let request):
            (.triggerbuffer, Dictionary(request.formParameters(), uniquingKeysWith: { $1 }).merging(request.queryParameters) { $1 })
        case .observation(let vcs, let request):
            (vcs ? .triggervcs : .triggerobs,
             Dictionary(request.formParameters(voltageCapture: vcs), uniquingKeysWith: { $1 }).merging(request.queryParameters) { $1 })
        }
    }

    /// Seconds the telescope is asked for, for the `busy` question.
    func seconds(nowGPS: Double) -> Int {
        switch self {
        case .buffer(let request): Int(max(8, Double(request.endTime ?? request.startTime) - nowGPS))
        case .observation(_, let request): (request.exptime ?? 120) * (request.nobs ?? 1)
        }
    }
}
