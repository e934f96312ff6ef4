import Foundation

/// One alert as TraceT reads it from a VOEvent: which telescope and event type, the trigger it belongs
/// to (events of one trigger form a group), where and when, and the per-stream numbers its proposals
/// judge. Field names follow TraceT's parse so its expected results compare one to one.
struct AlertEvent: Sendable, Equatable {
    /// "Swift", "Fermi", "LVC", "Antares", "AMON", "HESS", "MAXI", ...
    var telescope: String?
    /// e.g. "BAT_GRB_Pos", "GBM_Flt_Pos", "Preliminary", "Retraction".
    var eventType: String?
    /// The trigger id grouping this event with its follow-ups.
    var trigId: String?
    /// True when the stream gives no trigger id and one was made up.
    var selfGeneratedTrigId = false
    var sequenceNum: Int?
    var role: String?
    /// "GRB", "GW", "NU", "FS" (flare star), ...
    var sourceType: String?
    var sourceName: String?
    /// Degrees; `err` is the position error radius in degrees.
    var ra: Double?
    var dec: Double?
    var err: Double?
    var raHMS: String?
    var decDMS: String?
    var eventObserved: Date?
    /// Seconds.
    var eventDuration: Double?
    /// TraceT's verdict that the event must be ignored whatever the proposal (e.g. Swift "not a GRB").
    var ignore = false

    var fermiMostLikelyIndex: Double?
    var fermiDetectionProb: Double?
    var swiftRateSignif: Double?
    var hessSignificance: Double?
    var antaresRanking: Int?
    var grbIdent: Bool?
    var isBurst: Bool?

    var lvcFalseAlarmRate: Double?
    var lvcBinaryNeutronStarProbability: Double?
    var lvcNeutronStarBlackHoleProbability: Double?
    var lvcBinaryBlackHoleProbability: Double?
    var lvcTerrestialProbability: Double?
    var lvcIncludesNeutronStarProbability: Double?
    var lvcRetractionMessage: String?
    var lvcSkymapFile: String?
    /// The `skymap_fits` URL LVC notices carry; TraceT keeps it apart from `lvcSkymapFile`, which its parse never sets.
    var lvcSkymapFits: String?
    var lvcEventURL: String?
    var lvcInstruments: String?
    var lvcSignificant: Bool?
}
