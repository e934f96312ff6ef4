import Foundation

/// An FRB follow-up proposal for the MWA: which bursts are worth the telescope (S/N, DM), how low the
/// source may be, the MWA band and the voltage buffer's depth, and how to observe. Read from the
/// `frb_proposals` list of the rules file.
struct FRBProposal: Decodable, Sendable, Equatable {
    var proposalId: String
    var projectId: String
    /// Environment variable holding the project's secure key (the key itself is never in a file).
    var secureKeyEnv: String
    var minSn: Double = 10
    var minDm: Double = 100
    var maxDm: Double?
    /// Lowest altitude, degrees, at which the MWA may observe (TraceT's horizon limit).
    var horizonLimit: Double = 20
    /// MWA coarse-channel selection, "centre,count" (1.28 MHz channels), as in TraceT's freqspecs.
    var freqspecs: String = "145,24"
    /// Seconds of past voltages the buffer holds.
    var bufferSeconds: Double = 150
    /// Seconds saved either side of the predicted arrival.
    var marginSeconds: Double = 8
    var pretend: Bool = true
    /// Lower wins the telescope from a running observation of ours (TraceT's priority).
    var priority: Int = 1
    var creator: String = "burstwire/telescope-trigger"

    /// The band the MWA observes with `freqspecs`, MHz: channel n spans (n ± ½) × 1.28 MHz.
    var bandMHz: ClosedRange<Double>? {
        let parts = freqspecs.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[1] >= 1 else { return nil }
        let first = parts[0] - (parts[1] / 2).rounded(.down), last = first + parts[1] - 1
        return ((first - 0.5) * 1.28)...((last + 0.5) * 1.28)
    }

    init(proposalId: String, projectId: String, secureKeyEnv: String) {
        self.proposalId = proposalId
        self.projectId = projectId
        self.secureKeyEnv = secureKeyEnv
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(proposalId: try c.decode(String.self, forKey: .proposalId), projectId: try c.decode(String.self, forKey: .projectId),
                  secureKeyEnv: try c.decode(String.self, forKey: .secureKeyEnv))
        minSn = try c.decodeIfPresent(Double.self, forKey: .minSn) ?? minSn
        minDm = try c.decodeIfPresent(Double.self, forKey: .minDm) ?? minDm
        maxDm = try c.decodeIfPresent(Double.self, forKey: .maxDm)
        horizonLimit = try c.decodeIfPresent(Double.self, forKey: .horizonLimit) ?? horizonLimit
        freqspecs = try c.decodeIfPresent(String.self, forKey: .freqspecs) ?? freqspecs
        bufferSeconds = try c.decodeIfPresent(Double.self, forKey: .bufferSeconds) ?? bufferSeconds
        marginSeconds = try c.decodeIfPresent(Double.self, forKey: .marginSeconds) ?? marginSeconds
        pretend = try c.decodeIfPresent(Bool.self, forKey: .pretend) ?? pretend
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? priority
        creator = try c.decodeIfPresent(String.self, forKey: .creator) ?? creator
    }

    /// The rules file is snake_case YAML.
    private enum Keys: String, CodingKey {
        case proposalId = "proposal_id", projectId = "project_id", secureKeyEnv = "secure_key_env", minSn = "min_sn", minDm = "min_dm"
        case maxDm = "max_dm", horizonLimit = "horizon_limit", freqspecs, bufferSeconds = "buffer_seconds"
        case marginSeconds = "margin_seconds", pretend, priority, creator
    }
}
