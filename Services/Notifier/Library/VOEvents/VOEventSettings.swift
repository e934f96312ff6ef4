import Schema

/// The `voevent:` section: who we are in the VOEvents we publish. Every key has a default, so a
/// development setup publishes `test` packets under a local authority that no real broker will confuse
/// with someone else's.
struct VOEventSettings: Decodable, Sendable, Equatable {
    /// The IVORN is `ivo://<authority>/<stream>#<local id>`.
    var authority: String = "burstwire.local"
    var stream: String = "FRB"
    /// `test` by default: subscribers must not act on our packets until an operator says they may.
    /// Typed, so a misspelt role fails at start-up rather than as a broker NAK for every event.
    var role: VOEventRole = .test
    var authorIvorn: String = "ivo://burstwire.local/contact"
    var authorShortName: String = "Burstwire"
    var contactName: String = "Burstwire operator"
    var contactEmail: String = "burstwire@localhost"
    var contactPhone: String? = nil
    /// `ObservatoryLocation id`; GEOSURFACE is what FRB_candidates_app sent for ASKAP.
    var observatoryLocation: String = "GEOSURFACE"
    var howDescription: String = "Detected by the CRAFT pipeline and published by Burstwire"
    var howReference: String? = nil
    /// `Why importance`, 0–1.
    var importance: Double = 0.9
}

extension VOEventSettings {
    private enum CodingKeys: String, CodingKey {
        case authority, stream, role, authorIvorn, authorShortName, contactName, contactEmail, contactPhone
        case observatoryLocation, howDescription, howReference, importance
    }

    /// Written out because synthesized decoding ignores property defaults and would require every key.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = VOEventSettings()
        self.init(
            authority: try c.decodeIfPresent(String.self, forKey: .authority) ?? defaults.authority,
            stream: try c.decodeIfPresent(String.self, forKey: .stream) ?? defaults.stream,
            role: try c.decodeIfPresent(VOEventRole.self, forKey: .role) ?? defaults.role,
            authorIvorn: try c.decodeIfPresent(String.self, forKey: .authorIvorn) ?? defaults.authorIvorn,
            authorShortName: try c.decodeIfPresent(String.self, forKey: .authorShortName) ?? defaults.authorShortName,
            contactName: try c.decodeIfPresent(String.self, forKey: .contactName) ?? defaults.contactName,
            contactEmail: try c.decodeIfPresent(String.self, forKey: .contactEmail) ?? defaults.contactEmail,
            contactPhone: try c.decodeIfPresent(String.self, forKey: .contactPhone),
            observatoryLocation: try c.decodeIfPresent(String.self, forKey: .observatoryLocation) ?? defaults.observatoryLocation,
            howDescription: try c.decodeIfPresent(String.self, forKey: .howDescription) ?? defaults.howDescription,
            howReference: try c.decodeIfPresent(String.self, forKey: .howReference),
            importance: try c.decodeIfPresent(Double.self, forKey: .importance) ?? defaults.importance)
    }
}
