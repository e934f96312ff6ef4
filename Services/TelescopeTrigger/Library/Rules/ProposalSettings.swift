import Foundation

/// A TraceT proposal for the MWA: which alerts it follows up, the thresholds they must pass and how the
/// MWA observes them. Names are TraceT's `ProposalSettings` fields camel-cased, and absent keys take
/// TraceT's model defaults, so TraceT proposals carry over one to one (its ATCA fields are left out).
struct ProposalSettings: Decodable, Sendable, Equatable {
    enum SourceType: String, Decodable, Sendable {
        case grb = "GRB", flareStar = "FS", neutrino = "NU", gravitationalWave = "GW"
    }

    /// Which alert roles the proposal acts on, and whether its observations are real or `pretend`.
    enum TestingMode: String, Decodable, Sendable {
        /// Real alerts only, observed with `pretend`.
        case pretendReal = "PRETEND_REAL"
        /// Real alerts observed for real, test alerts with `pretend`.
        case both = "BOTH"
        /// Real alerts only, observed for real.
        case realOnly = "REAL_ONLY"
    }

    /// A fixed sub-array pointing for gravitational-wave early warnings, degrees.
    struct AltAz: Sendable, Equatable {
        var alt: Double
        var az: Double
    }

    var proposalId: String
    var proposalDescription = ""
    var projectId: String
    /// Environment variable holding the project's MWA secure key: the key itself never sits in a proposal.
    var secureKeyEnv: String?
    /// "MWA_VCS" or "MWA_correlate"; the suffix picks the observing mode.
    var telescope: String
    /// Only alerts from this telescope ("SWIFT", "Fermi", "HESS", "LVC", ...); nil accepts every telescope.
    var eventTelescope: String?
    var sourceType: SourceType
    var testing = TestingMode.realOnly
    /// Lower runs first and may interrupt higher.
    var priority = 1
    /// Degrees a new position must move before a triggered observation is repointed.
    var repointingLimit = 10.0
    /// No observation starts later than this after the event; 0 disables the check.
    var maximumObservationTimeSeconds = 0.0

    // Gamma-ray bursts: durations in seconds, position uncertainty in degrees.
    var eventAnyDuration = false
    var eventMinDuration = 0.256
    var eventMaxDuration = 1.024
    var pendingMinDuration1 = 1.025
    var pendingMaxDuration1 = 2.056
    var pendingMinDuration2 = 0.128
    var pendingMaxDuration2 = 0.255
    var maximumPositionUncertainty = 0.05
    /// Fermi GBM `Most_Likely_Prob`, percent.
    var fermiProb = 50.0
    /// Swift BAT `Rate_Signif`, sigma (TraceT's spelling).
    var swiftRateSignf = 0.0
    var minimumHessSignificance = 0.2
    var maximumHessSignificance = 1.0

    /// Antares ranks its best alerts lowest, so this is the worst rank accepted.
    var antaresMinRanking = 2

    // Gravitational waves: probabilities in [0, 1] (TraceT's spelling of "terrestrial").
    var minimumNeutronStarProbability = 0.01
    var maximumNeutronStarProbability = 1.0
    var minimumBinaryNeutronStarProbability = 0.01
    var maximumBinaryNeutronStarProbability = 1.0
    var minimumNeutronStarBlackHoleProbability = 0.01
    var maximumNeutronStarBlackHoleProbability = 1.0
    var minimumBinaryBlackHoleProbability = 0.0
    var maximumBinaryBlackHoleProbability = 1.0
    var minimumTerrestialProbability = 0.0
    var maximumTerrestialProbability = 0.95
    /// Hz; TraceT keeps it as a string ("1.00e-8"), either form is read.
    var maximumFalseAlarmRate = 1e-8
    /// TraceT's rule: a `Significant` alert is skipped unless this is set.
    var observeSignificant = false
    var earlyObservationTimeSeconds = 900.0
    var startObservationAtHighSensitivity = false
    /// North-east, north-west, south-east, south-west sub-arrays, in the order the MWA names them.
    var subarrayPointings = [AltAz(alt: 90, az: 0), AltAz(alt: 66.85, az: 270), AltAz(alt: 59.35, az: 219.88), AltAz(alt: 43.97, az: 270)]

    // MWA observing.
    /// Coarse channels "centre,count".
    var mwaFreqspecs = "144,24"
    /// Seconds of observation in total.
    var mwaExptime = 896.0
    var mwaCalexptime = 120.0
    /// kHz and seconds; the MWA needs both or neither.
    var mwaFreqres = 10.0
    var mwaInttime = 0.5
    /// Degrees; a source below this for the whole observation is not observed.
    var mwaHorizonLimit = 10.0
    /// TraceT always asks for a calibrator and Sun avoidance.
    var mwaCalibrator = true
    var mwaAvoidsun = true
    /// Dump the voltage buffer before the first observation; TraceT does it for gravitational waves.
    var mwaBufferDump: Bool

    /// TraceT picks the voltage-capture mode from the telescope name.
    var vcsMode: Bool { telescope.hasSuffix("VCS") }

    /// TraceT cuts observations into 896 s blocks (15 min on the 8 s grid) and floors the count, which
    /// gives 0 for a shorter `mwaExptime`; one block is the least asked for here.
    var nobs: Int { max(1, Int(mwaExptime) / 896) }

    init(proposalId: String, projectId: String, telescope: String, sourceType: SourceType) {
        self.proposalId = proposalId
        self.projectId = projectId
        self.telescope = telescope
        self.sourceType = sourceType
        mwaBufferDump = sourceType == .gravitationalWave
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(proposalId: try c.decode(String.self, forKey: .proposalId), projectId: try c.decode(String.self, forKey: .projectId),
                  telescope: try c.decode(String.self, forKey: .telescope), sourceType: try c.decode(SourceType.self, forKey: .sourceType))
        func read<T: Decodable>(_ value: inout T, _ key: Keys) throws {
            value = try c.decodeIfPresent(T.self, forKey: key) ?? value
        }
        try read(&proposalDescription, .proposalDescription)
        secureKeyEnv = try c.decodeIfPresent(String.self, forKey: .secureKeyEnv)
        eventTelescope = try c.decodeIfPresent(String.self, forKey: .eventTelescope)
        try read(&testing, .testing)
        try read(&priority, .priority)
        try read(&antaresMinRanking, .antaresMinRanking)
        try read(&mwaFreqspecs, .mwaFreqspecs)
        let doubles: [(WritableKeyPath<ProposalSettings, Double>, Keys)] = [
            (\.repointingLimit, .repointingLimit), (\.maximumObservationTimeSeconds, .maximumObservationTimeSeconds),
            (\.eventMinDuration, .eventMinDuration), (\.eventMaxDuration, .eventMaxDuration),
            (\.pendingMinDuration1, .pendingMinDuration1), (\.pendingMaxDuration1, .pendingMaxDuration1),
            (\.pendingMinDuration2, .pendingMinDuration2), (\.pendingMaxDuration2, .pendingMaxDuration2),
            (\.maximumPositionUncertainty, .maximumPositionUncertainty), (\.fermiProb, .fermiProb), (\.swiftRateSignf, .swiftRateSignf),
            (\.minimumHessSignificance, .minimumHessSignificance), (\.maximumHessSignificance, .maximumHessSignificance),
            (\.minimumNeutronStarProbability, .minimumNeutronStarProbability), (\.maximumNeutronStarProbability, .maximumNeutronStarProbability),
            (\.minimumBinaryNeutronStarProbability, .minimumBinaryNeutronStarProbability),
            (\.maximumBinaryNeutronStarProbability, .maximumBinaryNeutronStarProbability),
            (\.minimumNeutronStarBlackHoleProbability, .minimumNeutronStarBlackHoleProbability),
            (\.maximumNeutronStarBlackHoleProbability, .maximumNeutronStarBlackHoleProbability),
            (\.minimumBinaryBlackHoleProbability, .minimumBinaryBlackHoleProbability),
            (\.maximumBinaryBlackHoleProbability, .maximumBinaryBlackHoleProbability),
            (\.minimumTerrestialProbability, .minimumTerrestialProbability), (\.maximumTerrestialProbability, .maximumTerrestialProbability),
            (\.earlyObservationTimeSeconds, .earlyObservationTimeSeconds), (\.mwaExptime, .mwaExptime), (\.mwaCalexptime, .mwaCalexptime),
            (\.mwaFreqres, .mwaFreqres), (\.mwaInttime, .mwaInttime), (\.mwaHorizonLimit, .mwaHorizonLimit),
            (\.subarrayPointings[0].alt, .mwaSubAltNE), (\.subarrayPointings[0].az, .mwaSubAzNE),
            (\.subarrayPointings[1].alt, .mwaSubAltNW), (\.subarrayPointings[1].az, .mwaSubAzNW),
            (\.subarrayPointings[2].alt, .mwaSubAltSE), (\.subarrayPointings[2].az, .mwaSubAzSE),
            (\.subarrayPointings[3].alt, .mwaSubAltSW), (\.subarrayPointings[3].az, .mwaSubAzSW),
        ]
        for (path, key) in doubles { try read(&self[keyPath: path], key) }
        let flags: [(WritableKeyPath<ProposalSettings, Bool>, Keys)] = [
            (\.eventAnyDuration, .eventAnyDuration), (\.observeSignificant, .observeSignificant),
            (\.startObservationAtHighSensitivity, .startObservationAtHighSensitivity), (\.mwaCalibrator, .mwaCalibrator),
            (\.mwaAvoidsun, .mwaAvoidsun), (\.mwaBufferDump, .mwaBufferDump),
        ]
        for (path, key) in flags { try read(&self[keyPath: path], key) }
        if let text = try? c.decodeIfPresent(String.self, forKey: .maximumFalseAlarmRate) {
            guard let rate = Double(text) else {
                throw DecodingError.dataCorruptedError(forKey: .maximumFalseAlarmRate, in: c, debugDescription: "not a number: \(text)")
            }
            maximumFalseAlarmRate = rate
        } else {
            try read(&maximumFalseAlarmRate, .maximumFalseAlarmRate)
        }
    }

    private enum Keys: String, CodingKey {
        case proposalId, proposalDescription, projectId, secureKeyEnv, telescope, eventTelescope, sourceType, testing, priority
        case repointingLimit, maximumObservationTimeSeconds, eventAnyDuration, eventMinDuration, eventMaxDuration
        case pendingMinDuration1, pendingMaxDuration1, pendingMinDuration2, pendingMaxDuration2, maximumPositionUncertainty
        case fermiProb, swiftRateSignf, minimumHessSignificance, maximumHessSignificance, antaresMinRanking
        case minimumNeutronStarProbability, maximumNeutronStarProbability, minimumBinaryNeutronStarProbability
        case maximumBinaryNeutronStarProbability, minimumNeutronStarBlackHoleProbability, maximumNeutronStarBlackHoleProbability
        case minimumBinaryBlackHoleProbability, maximumBinaryBlackHoleProbability, minimumTerrestialProbability
        case maximumTerrestialProbability, maximumFalseAlarmRate, observeSignificant, earlyObservationTimeSeconds
        case startObservationAtHighSensitivity, mwaSubAltNE, mwaSubAzNE, mwaSubAltNW, mwaSubAzNW, mwaSubAltSE, mwaSubAzSE
        case mwaSubAltSW, mwaSubAzSW, mwaFreqspecs, mwaExptime, mwaCalexptime, mwaFreqres, mwaInttime, mwaHorizonLimit
        case mwaCalibrator, mwaAvoidsun, mwaBufferDump
    }
}
