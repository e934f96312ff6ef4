import Foundation

// YSE-PZ `add_transient` uploads, accepted by ingest-api in the same format YSE-PZ takes.
// Fields the catalogue has columns for are typed; everything else a client sent is kept in
// `extras`, so nothing is lost between ingest and storage.

/// One photometric point of a YSE-PZ `photdata` entry. YSE-PZ clients send 0/1 for the flags;
/// ingest-api normalises them to booleans.
public struct YSEPhotometryPoint: Codable, Sendable, Equatable {
    public var obsDate: Date
    /// A YSE-PZ band name, e.g. "g-ZTF"; it must belong to the group's instrument.
    public var band: String
    public var mag: Double?
    public var magErr: Double?
    public var flux: Double?
    public var fluxErr: Double?
    public var fluxZeroPoint: Double?
    /// YSE-PZ data-quality value as sent (a number such as 0 for good data, or a name).
    public var dataQuality: JSONValue?
    /// Measured on a difference image.
    public var diffim: Bool?
    /// Forced photometry.
    public var forced: Bool?
    public var discoveryPoint: Bool?
    /// Any other keys of the entry (e.g. `diffimg`), kept verbatim.
    public var extras: [String: JSONValue]

    public init(
        obsDate: Date, band: String, mag: Double? = nil, magErr: Double? = nil, flux: Double? = nil,
        fluxErr: Double? = nil, fluxZeroPoint: Double? = nil, dataQuality: JSONValue? = nil,
        diffim: Bool? = nil, forced: Bool? = nil, discoveryPoint: Bool? = nil, extras: [String: JSONValue] = [:]
    ) {
        self.obsDate = obsDate
        self.band = band
        self.mag = mag
        self.magErr = magErr
        self.flux = flux
        self.fluxErr = fluxErr
        self.fluxZeroPoint = fluxZeroPoint
        self.dataQuality = dataQuality
        self.diffim = diffim
        self.forced = forced
        self.discoveryPoint = discoveryPoint
        self.extras = extras
    }
}

/// One instrument's photometry in an upload (a non-header key of `transientphotometry`).
public struct YSEPhotometryGroup: Codable, Sendable, Equatable {
    /// Instrument name, e.g. "ZTF-Cam"; unknown names fall back to "Unknown" as in YSE-PZ.
    public var instrument: String
    public var obsGroup: String
    /// Points keyed as the client keyed them ("0", "1", ...).
    public var photdata: [String: YSEPhotometryPoint]

    public init(instrument: String, obsGroup: String, photdata: [String: YSEPhotometryPoint]) {
        self.instrument = instrument
        self.obsGroup = obsGroup
        self.photdata = photdata
    }
}

/// A transient's `transientphotometry`: the header keys, then the groups under their client keys.
public struct YSEPhotometryUpload: Codable, Sendable, Equatable {
    /// Points in one band closer than this many days are the same observation.
    public var mjdmatchmin: Double?
    /// Overwrite a matching existing point instead of keeping it.
    public var clobber: Bool?
    /// Groups keyed by the client's bookkeeping key, e.g. "ZTF".
    public var groups: [String: YSEPhotometryGroup]

    public init(mjdmatchmin: Double? = nil, clobber: Bool? = nil, groups: [String: YSEPhotometryGroup]) {
        self.mjdmatchmin = mjdmatchmin
        self.clobber = clobber
        self.groups = groups
    }
}

/// One transient of an upload. Matching is by `name`, then by position as YSE-PZ does.
public struct YSETransient: Codable, Sendable, Equatable {
    public var name: String
    /// Right ascension and declination, degrees; YSE-PZ requires them only for new transients.
    public var ra: Double?
    public var dec: Double?
    public var discDate: Date?
    public var redshift: Double?
    /// Status name (New, Watch, Ignore, ...); required only for new transients.
    public var status: String?
    /// Observation group name; required only for new transients.
    public var obsGroup: String?
    public var tags: [String]?
    /// Comma-separated alternative names, as YSE-PZ takes them.
    public var internalNames: String?
    public var transientphotometry: YSEPhotometryUpload?
    /// Every other key of the transient (host, transientspectra, gw, other model fields), verbatim.
    public var extras: [String: JSONValue]

    public init(
        name: String, ra: Double? = nil, dec: Double? = nil, discDate: Date? = nil, redshift: Double? = nil,
        status: String? = nil, obsGroup: String? = nil, tags: [String]? = nil, internalNames: String? = nil,
        transientphotometry: YSEPhotometryUpload? = nil, extras: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.ra = ra
        self.dec = dec
        self.discDate = discDate
        self.redshift = redshift
        self.status = status
        self.obsGroup = obsGroup
        self.tags = tags
        self.internalNames = internalNames
        self.transientphotometry = transientphotometry
        self.extras = extras
    }
}

/// A YSE-PZ `add_transient` upload accepted by ingest-api.
public struct TransientUploadReceived: EventPayload {
    public static var eventType: EventType { .transientUploadReceived }
    /// The upload's `noupdatestatus` flag: when present and false, an "Ignore" status becomes "New".
    public var noupdatestatus: Bool?
    /// The upload's `TNS` flag: a TNS name found by position becomes the primary name.
    public var tns: Bool?
    /// Transients under the upload's top-level keys (normally each transient's name).
    public var transients: [String: YSETransient]
    /// The Basic-auth user who uploaded, recorded as creator as in YSE-PZ.
    public var uploadedBy: String?
    public var receivedAt: Date

    public init(
        noupdatestatus: Bool? = nil, tns: Bool? = nil, transients: [String: YSETransient],
        uploadedBy: String? = nil, receivedAt: Date
    ) {
        self.noupdatestatus = noupdatestatus
        self.tns = tns
        self.transients = transients
        self.uploadedBy = uploadedBy
        self.receivedAt = receivedAt
    }
}
