import Foundation

// Work for crossmatch-worker: crossmatch a new image's sources against reference catalogues
// (SUMSS, NVSS) and report flux-ratio transient candidates, as racs-historical-transients does.

/// Ask crossmatch-worker to crossmatch one image.
public struct CrossmatchRequested: EventPayload {
    public static var eventType: EventType { .crossmatchRequested }
    public var requestId: String
    /// The FITS image, relative to the media root.
    public var imagePath: String
    /// Reference catalogues, e.g. ["SUMSS", "NVSS"].
    public var catalogues: [String]
    /// Maximum separation of a good match, arcsec (45 in the original).
    public var radiusArcsec: Double
    /// The FRB whose localisation image this is, if any.
    public var frbId: Int64?

    public init(requestId: String, imagePath: String, catalogues: [String], radiusArcsec: Double, frbId: Int64? = nil) {
        self.requestId = requestId
        self.imagePath = imagePath
        self.catalogues = catalogues
        self.radiusArcsec = radiusArcsec
        self.frbId = frbId
    }
}

/// How a candidate relates to the reference catalogue.
public enum CrossmatchClassification: String, Codable, Sendable {
    /// In both; flagged by its flux ratio.
    case match
    /// In the catalogue, not in the image (the original's "noaskapmatch").
    case noImageMatch = "no_image_match"
    /// In the image, not in the catalogue though bright enough (the original's "nocatalogmatch").
    case noCatalogueMatch = "no_catalogue_match"
}

/// A transient candidate from the crossmatch.
public struct CrossmatchCandidate: Codable, Sendable, Equatable {
    /// Right ascension and declination, degrees.
    public var ra: Double
    public var dec: Double
    /// Image flux density, mJy (forced-measured when the image has no source there).
    public var flux: Double
    /// max(S1, S2) / min(S1, S2), always ≥ 1; nil when a flux could not be measured.
    public var ratio: Double?
    public var catalogue: String
    /// Distance to the matched source, arcsec; nil without a match.
    public var separationArcsec: Double?
    public var classification: CrossmatchClassification

    public init(
        ra: Double, dec: Double, flux: Double, ratio: Double? = nil, catalogue: String,
        separationArcsec: Double? = nil, classification: CrossmatchClassification
    ) {
        self.ra = ra
        self.dec = dec
        self.flux = flux
        self.ratio = ratio
        self.catalogue = catalogue
        self.separationArcsec = separationArcsec
        self.classification = classification
    }
}

/// The result of a crossmatch request.
public struct CrossmatchCompleted: EventPayload {
    public static var eventType: EventType { .crossmatchCompleted }
    public var requestId: String
    /// Sources found in the image.
    public var sourceCount: Int
    /// Of those, matched within the radius.
    public var matchedCount: Int
    public var candidates: [CrossmatchCandidate]
    public var completedAt: Date

    public init(requestId: String, sourceCount: Int, matchedCount: Int, candidates: [CrossmatchCandidate], completedAt: Date) {
        self.requestId = requestId
        self.sourceCount = sourceCount
        self.matchedCount = matchedCount
        self.candidates = candidates
        self.completedAt = completedAt
    }
}
