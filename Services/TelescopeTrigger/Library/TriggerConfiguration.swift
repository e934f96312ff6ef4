import Foundation
import ServiceRuntime
import Yams

/// What telescope-trigger reads: `amqp`, `database`, `log`, `trigger` (HTTP and the rules file) and
/// `mwa` (`BURSTWIRE_MWA_BASE_URL`). Proposals live in their own YAML file so observers can review
/// them apart from the deployment settings.
public struct TriggerConfiguration: ServiceConfiguration {
    public struct Trigger: Decodable, Sendable {
        public var host: String?
        public var port: Int?
        /// The proposals file (default config/trigger-rules.yaml).
        public var rulesFile: String?
    }

    public struct MWA: Decodable, Sendable {
        public var baseUrl: String?
    }

    public var amqp: AMQPSettings
    public var database: DatabaseSettings
    public var log: LogSettings
    public var trigger: Trigger?
    public var mwa: MWA?

    public var host: String { trigger?.host ?? "127.0.0.1" }
    public var port: Int { trigger?.port ?? 8003 }
    public var rulesFile: String { trigger?.rulesFile ?? "config/trigger-rules.yaml" }
    public var mwaBaseURL: String { mwa?.baseUrl ?? "http://mro.mwa128t.org/trigger" }
}

/// The proposals file: FRB proposals (`frb_proposals`) and TraceT's VOEvent proposals (`proposals`), each
/// with its project's secure key read from the environment.
struct TriggerRules: Decodable, Sendable {
    var frbProposals: [FRBProposal] = []
    var proposals: [ProposalSettings] = []

    private enum Keys: String, CodingKey {
        case frbProposals = "frb_proposals"
    }

    init(frbProposals: [FRBProposal]) {
        self.frbProposals = frbProposals
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        frbProposals = try c.decodeIfPresent([FRBProposal].self, forKey: .frbProposals) ?? []
    }

    /// Reads the file; a missing secure key is a configuration error naming the variable, never a value.
    static func load(path: String, environment: [String: String]) throws -> (rules: TriggerRules, keys: [String: Secret]) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(key: "trigger.rules_file", reason: "cannot read \(path)")
        }
        let decoder = YAMLDecoder()
        var rules: TriggerRules
        do {
            rules = try decoder.decode(TriggerRules.self, from: text, userInfo: [:])
            if (try Yams.load(yaml: text) as? [String: Any])?["proposals"] != nil {
                rules.proposals = try Proposals.load(yaml: text).proposals
            }
        } catch {
            throw ConfigurationError(key: "trigger.rules_file", reason: "\(path) is not a valid rules file: \(error)")
        }
        var keys: [String: Secret] = [:]
        for proposal in rules.frbProposals {
            guard let key = environment[proposal.secureKeyEnv], !key.isEmpty else {
                throw ConfigurationError(key: "", reason: "proposal \(proposal.proposalId) needs its secure key in \(proposal.secureKeyEnv)")
            }
            keys[proposal.proposalId] = Secret(key)
        }
        for proposal in rules.proposals {
            guard let variable = proposal.secureKeyEnv, let key = environment[variable], !key.isEmpty else {
                throw ConfigurationError(key: "", reason: "proposal \(proposal.proposalId) needs its secure key in \(proposal.secureKeyEnv ?? "secure_key_env")")
            }
            keys[proposal.proposalId] = Secret(key)
        }
        return (rules, keys)
    }
}
