import Foundation
import Schema
import VOEvent

/// Why a packet cannot be read as TraceT reads it. At each of these points TraceT's own parser raises, except where
/// the shared VOEvent summary is stricter: a Who/Date it cannot read, a Position2D not in degrees, an unknown cite.
struct AlertParseError: Error, Sendable, Equatable, CustomStringConvertible {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}

/// TraceT's `parsed_VOEvent` (ADACS-Australia/mwa_trigger `tracet/parse_xml.py`, master), rule for rule, so the
/// events our proposals judge are the ones TraceT's judged. Its quirks are kept, and named where they happen.
enum AlertParser {
    /// TraceT's default `trig_pairs`: `{telescope}_{event_type}` worth acting on. Any other pair comes back with
    /// `ignore` set and, as TraceT returns early there, no role, duration or per-stream numbers.
    static let triggerPairs: Set<String> = [
        "SWIFT_BAT_GRB_Pos", "SWIFT_BAT_GRB_POS_ACK", "SWIFT_XRT_Pos", "SWIFT_XRT_POSITION", "SWIFT_UVOT_Pos",
        "SWIFT_UVOT_POS", "Fermi_GBM_Flt_Pos", "FERMI_GBM_FLT_POS", "Fermi_GBM_Gnd_Pos", "FERMI_GBM_GND_POS",
        "Fermi_GBM_Fin_Pos", "FERMI_GBM_FIN_POS", "HESS_GRB_To", "LVC_EarlyWarning", "LVC_Preliminary",
        "LVC_PRELIMINARY", "LVC_Initial", "LVC_INITIAL", "LVC_Update", "LVC_Retraction", "LVC_RETRACTION",
        "AMON_ICECUBE_BRONZE_Event", "AMON_ICECUBE_GOLD_Event", "Antares_Alert",
    ]

    /// TraceT's `FlareStarNames.txt`, lower-cased as it reads it. Its other list, the Swift on-board catalogue's
    /// SRC_TYPE 11 names, is compared as read (capitals, a trailing blank) with a lower-cased name, so never matches.
    static let flareStars = [
        "1h 0123+075", "at mic", "au mic", "cc eri", "cf tuc", "cn leo", "dm-216267", "eq peg", "gt mus", "hd 8357",
        "hr 1099", "ii peg", "im peg", "ross1280", "sz psc", "uv cet", "uv ceti", "ux ari", "v1054oph", "v1216sgr",
        "v645cen", "vy ari", "wolf424", "yz cmi",
    ]

    /// `now` is the clock TraceT reads for a `role="test"` packet, whose event time it sets to six minutes ago.
    static func parse(_ xml: [UInt8], now: Date = Date()) throws -> AlertEvent {
        let document: (role: String?, summary: VOEventSummary)
        do {
            document = try VOEventSummaryParser.document(of: xml)
        } catch {
            throw AlertParseError((error as? VOEventParseError)?.reason ?? "\(error)")
        }
        let packet = try TraceTPacket(xml)
        let params = Params(list: document.summary.params)
        let telescope = try telescope(of: packet.ivorn), eventType = try eventType(of: packet.ivorn)
        var event = AlertEvent(telescope: telescope, eventType: eventType)
        if telescope == "SWIFT" {
            event.sourceName = packet.chainTexts["Why/Inference/Name"]
        } else if telescope == "MAXI" {
            event.sourceName = try params.text("Source_Name")?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        event.sourceType = try sourceType(event, params, packet)
        if let id = try params.text("TrigID") ?? params.text("AMON_ID") ?? params.text("GraceID") {
            event.trigId = id
        } else if let followup = packet.followupCitation {
            // H.E.S.S. cites the Swift notice it followed: the id is what follows its last "_", up to a "-".
            event.trigId = followup.components(separatedBy: "_").last?.components(separatedBy: "-").first
        } else {
            event.trigId = String(UInt64.random(in: 100_000_000_000...999_999_999_999))
            event.selfGeneratedTrigId = true
        }
        let coords = "WhereWhen/ObsDataLocation/ObservationLocation/AstroCoords"
        let chain = packet.chainTexts, first = packet.firstTexts
        // The error radius is required too: without one TraceT falls back to the first C1, C2 and Error2Radius
        // anywhere, and without those it keeps no position at all.
        let position2D = coords + "/Position2D/"
        if let (ra, dec, err) = position(
            chain[position2D + "Value2/C1"], chain[position2D + "Value2/C2"], chain[position2D + "Error2Radius"])
            ?? position(first["C1"], first["C2"], first["Error2Radius"]) {
            (event.ra, event.dec, event.err) = (ra, dec, err)
            (event.raHMS, event.decDMS) = (Sexagesimal.hours(degrees: ra), Sexagesimal.degrees(dec))
        }
        event.eventObserved = try eventTime(packet, coords)
        guard triggerPairs.contains("\(telescope)_\(eventType)") else {
            event.ignore = true
            return event
        }
        try readStream(&event, params)
        guard let role = document.role else { throw AlertParseError("the VOEvent has no role attribute") }
        event.role = role
        if role == "test" { event.eventObserved = now.addingTimeInterval(-360) }
        // `not value` is true only for an empty string, so isRealAlert="false" is not ignored.
        if try params.text("isRealAlert") == "" { event.ignore = true }
        return event
    }

    /// The per-stream numbers. TraceT never reads LVC's retraction message: its guard `"Citations" in v` asks lxml
    /// whether a string is a child element, which is always false, so `lvcRetractionMessage` stays nil.
    private static func readStream(_ event: inout AlertEvent, _ params: Params) throws {
        switch event.telescope {
        case "Fermi":
            event.eventDuration = try params.number("Trig_Timescale")
            event.sequenceNum = try params.integer("Sequence_Num") ?? missing("Sequence_Num")
            event.fermiMostLikelyIndex = try params.integer("Most_Likely_Index").map(Double.init)
            event.fermiDetectionProb = try params.integer("Most_Likely_Prob").map(Double.init)
        case "SWIFT":
            if try params.text("StarTrack_Lost_Lock")?.lowercased() == "true" {
                event.eventType? += " SWIFT lost star tracker"
                event.ignore = true
            }
            event.eventDuration = try params.number("Integ_Time")
            event.swiftRateSignif = try params.number("Rate_Signif")
            event.grbIdent = try params.text("GRB_Identified").map { $0.lowercased().contains("true") }
        case "Antares":
            event.antaresRanking = try params.integer("ranking") ?? missing("ranking")
        case "HESS":
            event.eventDuration = try params.number("observation_duration") ?? missing("observation_duration")
            event.hessSignificance = try params.number("significance") ?? missing("significance")
        case "LVC":
            if try params.text("Group") == "Burst" {
                event.isBurst = true
                event.ignore = true
            }
            if event.eventType != "Retraction", event.isBurst == nil {
                event.lvcIncludesNeutronStarProbability = try params.number("HasNS") ?? missing("HasNS")
                event.lvcFalseAlarmRate = try params.number("FAR") ?? missing("FAR")
                // Python's bool() of the text: any text at all, "false" included, is true.
                event.lvcSignificant = try !(params.text("Significant") ?? missing("Significant")).isEmpty
                event.lvcEventURL = try params.text("EventPage") ?? missing("EventPage")
                event.lvcBinaryNeutronStarProbability = try params.number("BNS") ?? missing("BNS")
                event.lvcNeutronStarBlackHoleProbability = try params.number("NSBH") ?? missing("NSBH")
                event.lvcBinaryBlackHoleProbability = try params.number("BBH") ?? missing("BBH")
                event.lvcTerrestialProbability = try params.number("Terrestrial") ?? missing("Terrestrial")
                event.lvcInstruments = try params.text("Instruments") ?? missing("Instruments")
            }
            event.lvcSkymapFits = try params.text("skymap_fits")
        default:
            break
        }
    }

    /// TraceT's `get_telescope`: known IVORN prefixes, else the IVORN path's second segment up to the "#".
    static func telescope(of ivorn: String) throws -> String {
        let prefixes = [
            ("ivo://nasa.gsfc.gcn/SWIFT#", "SWIFT"), ("ivo://nasa.gsfc.gcn/Fermi#", "Fermi"),
            ("ivo://nasa.gsfc.gcn/Antares_Alert#", "Antares"), ("ivo://nasa.gsfc.gcn/AMON#", "AMON"),
            ("ivo://nasa.gsfc.gcn/MAXI#", "MAXI"), ("ivo://gwnet/LVC#", "LVC"), ("ivo://HESS/GRB#", "HESS"),
        ]
        if let known = prefixes.first(where: { ivorn.hasPrefix($0.0) }) { return known.1 }
        let afterScheme = ivorn.components(separatedBy: "//")
        guard afterScheme.count > 1, case let segments = afterScheme[1].components(separatedBy: "/"),
              segments.count > 1 else {
            throw AlertParseError("ivorn \"\(ivorn)\" has no path to name a telescope by")
        }
        return segments[1].components(separatedBy: "#")[0]
    }

    /// TraceT's `get_event_type`, tested on the whole IVORN: "LVC" anywhere takes the fragment's last "-" part,
    /// "Antares" what follows "Antares_", "HESS" is always GRB_To; others run up to the first digit, less a "_"
    /// before it. With no digit Python's loop stops on the last character, which is then dropped as well.
    static func eventType(of ivorn: String) throws -> String {
        let parts = ivorn.components(separatedBy: "#")
        guard parts.count > 1 else { throw AlertParseError("ivorn \"\(ivorn)\" has no #fragment to type the event by") }
        if ivorn.contains("LVC") { return parts[1].components(separatedBy: "-").last ?? "" }
        if ivorn.contains("Antares") {
            return ivorn.components(separatedBy: "Antares_").last?.components(separatedBy: "#")[0] ?? ""
        }
        if ivorn.contains("HESS") { return "GRB_To" }
        let scalars = Array(parts[1].unicodeScalars)
        guard !scalars.isEmpty else { throw AlertParseError("ivorn \"\(ivorn)\" has an empty #fragment") }
        let digit = scalars.firstIndex { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }
        let stop = digit ?? scalars.count - 1
        // Python's index -1, for a digit in first place, is the last character.
        let previous = stop == 0 ? scalars.count - 1 : stop - 1
        let end = scalars[previous] == "_" ? previous : stop
        var type = String.UnicodeScalarView()
        type.append(contentsOf: scalars[..<end])
        return String(type)
    }

    /// TraceT's `get_source_types`: GW, NU, then a flare star by name (not for Swift's sub-sub-threshold
    /// notices), then GRB for Swift's GRB_Identified, any Fermi or H.E.S.S. event, or "GRB" in the name.
    private static func sourceType(_ event: AlertEvent, _ params: Params, _ packet: TraceTPacket) throws -> String? {
        let telescope = event.telescope ?? ""
        if telescope == "LVC" { return "GW" }
        if telescope == "Antares" || (telescope == "AMON" && event.eventType?.contains("ICECUBE") == true) {
            return "NU"
        }
        var subSubThreshold = false
        if telescope == "SWIFT" {
            guard let description = packet.chainTexts["What/Description"] else {
                throw AlertParseError("the SWIFT packet has no What/Description, which TraceT reads")
            }
            subSubThreshold = description.contains("sub-sub-threshold")
        }
        // Python's str(None).lower() is "none", in which no flare star's name is.
        let name = (event.sourceName ?? "None").lowercased()
        if !subSubThreshold, flareStars.contains(where: { name.contains($0) }) { return "FS" }
        var grb = telescope == "Fermi" || telescope == "HESS"
        if telescope == "SWIFT" { grb = try params.text("GRB_Identified")?.lowercased().contains("true") ?? false }
        if !grb, event.sourceName?.contains("GRB") == true { grb = true }
        return grb ? "GRB" : nil
    }

    private static func position(_ ra: String?, _ dec: String?, _ err: String?) -> (Double, Double, Double)? {
        guard let ra = ra.flatMap(PythonNumber.float), let dec = dec.flatMap(PythonNumber.float),
              let err = err.flatMap(PythonNumber.float) else { return nil }
        return (ra, dec, err)
    }

    /// voeventparse's `get_event_time_as_utc`: no AstroCoords or ISOTime is no time; a time system other than
    /// UTC raises there, or (TDB) is converted with astropy, which we do not do.
    private static func eventTime(_ packet: TraceTPacket, _ coords: String) throws -> Date? {
        guard let attributes = packet.chainAttributes[coords] else { return nil }
        guard let system = attributes["coord_system_id"] else {
            throw AlertParseError("AstroCoords has no coord_system_id")
        }
        guard system.components(separatedBy: "-")[0] == "UTC" else {
            throw AlertParseError("coord_system_id \"\(system)\" is not a UTC one")
        }
        return try packet.chainTexts[coords + "/Time/TimeInstant/ISOTime"].map(ISOTime.date)
    }

    private static func missing<T>(_ name: String) throws -> T {
        throw AlertParseError("no \(name) Param, which TraceT requires")
    }
}

/// `v.find(".//Param[@name=…]").attrib["value"]`: the first Param of a name, whose value must be there once it is.
private struct Params {
    let list: [VOEventParam]

    func text(_ name: String) throws -> String? {
        guard let param = list.first(where: { $0.name == name }) else { return nil }
        guard let value = param.value else { throw AlertParseError("Param \(name) has no value") }
        return value
    }

    func number(_ name: String) throws -> Double? {
        try text(name).map { try PythonNumber.float($0) ?? invalid(name, $0) }
    }

    func integer(_ name: String) throws -> Int? {
        try text(name).map { try PythonNumber.int($0) ?? invalid(name, $0) }
    }

    private func invalid<T>(_ name: String, _ value: String) throws -> T {
        throw AlertParseError("Param \(name) value \"\(value)\" is not a number TraceT reads")
    }
}
