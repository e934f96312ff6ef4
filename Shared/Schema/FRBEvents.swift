import Foundation

// FRB candidates as FRB_candidates_app models them (Observation, FRBEvent, RadioMeasurement).
// ingest-api emits the *.received events when upload_cand.py or the native API posts, with ids it
// assigned; catalog-store emits the *.stored events after commit, carrying whole records so that
// downstream services (Slack, TNS, VOEvent, triggers) never query the catalogue.

/// An uploaded file stored under a content-addressed path, so the bytes can be checked and
/// served again without trusting the client's file name.
public struct MediaReference: Codable, Sendable, Equatable {
    /// Relative to the media root, derived from the content hash.
    public var path: String
    public var contentType: String
    /// Lowercase hex SHA-256 of the bytes.
    public var sha256: String
    public var byteCount: Int64
    /// The client's file name, which the original app showed and served back.
    public var originalFilename: String?

    public init(path: String, contentType: String, sha256: String, byteCount: Int64, originalFilename: String? = nil) {
        self.path = path
        self.contentType = contentType
        self.sha256 = sha256
        self.byteCount = byteCount
        self.originalFilename = originalFilename
    }
}

/// The three diagnostic plots of an FRB candidate, as upload_cand.py sends them.
public struct FRBImages: Codable, Sendable, Equatable {
    public var search: MediaReference?
    public var image: MediaReference?
    public var histogram: MediaReference?

    public init(search: MediaReference? = nil, image: MediaReference? = nil, histogram: MediaReference? = nil) {
        self.search = search
        self.image = image
        self.histogram = histogram
    }
}

/// Public absolute URLs of the diagnostic plots, resolved once by catalog-store so that
/// notifiers can put them in Slack blocks without knowing the media host.
public struct FRBImageURLs: Codable, Sendable, Equatable {
    public var search: String?
    public var image: String?
    public var histogram: String?

    public init(search: String? = nil, image: String? = nil, histogram: String? = nil) {
        self.search = search
        self.image = image
        self.histogram = histogram
    }
}

/// The instrument configuration of a detection: every field of FRB_candidates_app's Observation.
public struct FRBObservation: Codable, Sendable, Equatable {
    public var observationId: Int64
    /// Beam semi-major axis, arcmin.
    public var beamSemiMajorAxis: Double
    /// Beam semi-minor axis, arcmin.
    public var beamSemiMinorAxis: Double
    /// Beam rotation angle, degrees.
    public var beamRotationAngle: Double
    /// Sampling time, ms.
    public var samplingTime: Double
    /// Bandwidth, MHz.
    public var bandwidth: Double
    public var nchan: Int
    /// Centre frequency, MHz.
    public var centreFrequency: Double
    public var npol: Int
    public var bitsPerSample: Int
    /// Gain, K/Jy.
    public var gain: Double
    /// System temperature, K.
    public var tsys: Double
    public var backend: String
    /// Detection beam number when the backend is a multi-beam receiver.
    public var beam: Int?

    public init(
        observationId: Int64, beamSemiMajorAxis: Double, beamSemiMinorAxis: Double, beamRotationAngle: Double,
        samplingTime: Double, bandwidth: Double, nchan: Int, centreFrequency: Double, npol: Int,
        bitsPerSample: Int, gain: Double, tsys: Double, backend: String, beam: Int? = nil
    ) {
        self.observationId = observationId
        self.beamSemiMajorAxis = beamSemiMajorAxis
        self.beamSemiMinorAxis = beamSemiMinorAxis
        self.beamRotationAngle = beamRotationAngle
        self.samplingTime = samplingTime
        self.bandwidth = bandwidth
        self.nchan = nchan
        self.centreFrequency = centreFrequency
        self.npol = npol
        self.bitsPerSample = bitsPerSample
        self.gain = gain
        self.tsys = tsys
        self.backend = backend
        self.beam = beam
    }
}

/// One FRB candidate: FRB_candidates_app's FRBEvent with its images as media references.
public struct FRBRecord: Codable, Sendable, Equatable {
    public var frbId: Int64
    public var observationId: Int64
    public var timeOfArrival: Date
    public var repeater: Bool
    /// The TNS designation once TNS has named the burst, e.g. "FRB 20171117A".
    public var tnsName: String?
    public var images: FRBImages

    public init(
        frbId: Int64, observationId: Int64, timeOfArrival: Date, repeater: Bool,
        tnsName: String? = nil, images: FRBImages = FRBImages()
    ) {
        self.frbId = frbId
        self.observationId = observationId
        self.timeOfArrival = timeOfArrival
        self.repeater = repeater
        self.tnsName = tnsName
        self.images = images
    }
}

/// Which CRAFT pipeline produced a measurement (FRB_candidates_app's `source` choices).
public enum MeasurementSource: String, Codable, Sendable {
    case multibeam = "MB"
    case highTimeResolution = "HT"
}

/// The localisation error ellipse of the upload YAML (`eellipse`), which upload_cand.py drops.
public struct ErrorEllipse: Codable, Sendable, Equatable {
    /// Semi-major axis, degrees.
    public var a: Double
    /// Semi-minor axis, degrees.
    public var b: Double
    /// Confidence level, percent.
    public var cl: Double
    /// Position angle, degrees.
    public var theta: Double

    public init(a: Double, b: Double, cl: Double, theta: Double) {
        self.a = a
        self.b = b
        self.cl = cl
        self.theta = theta
    }
}

/// One radio measurement of an FRB: every field of FRB_candidates_app's RadioMeasurement plus the
/// YAML keys its client drops (dmism, cosmo, eellipse), which Burstwire keeps.
public struct RadioMeasurement: Codable, Sendable, Equatable {
    public var measurementId: Int64
    public var frbId: Int64
    /// Right ascension and declination, degrees.
    public var ra: Double
    public var dec: Double
    /// Sexagesimal forms as the client computed them, e.g. "5h08m03.5077s", "26d03m38.504s".
    public var raHms: String
    public var decDms: String
    /// Position errors, degrees.
    public var raPosError: Double
    public var decPosError: Double
    /// Galactic longitude and latitude, degrees.
    public var gl: Double
    public var gb: Double
    public var source: MeasurementSource
    /// Pipeline version, e.g. "v1.0".
    public var version: String
    /// Dispersion measure and error, pc cm^-3.
    public var dm: Double?
    public var dmErr: Double?
    /// Signal-to-noise ratio.
    public var sn: Double?
    /// Pulse width, ms.
    public var width: Double?
    /// Redshift.
    public var z: Double?
    /// Rotation measure and error, rad m^-2.
    public var rm: Double?
    public var rmErr: Double?
    /// Fluence and error, Jy ms.
    public var fluence: Double?
    public var fluenceErr: Double?
    /// Peak flux density and error, Jy.
    public var flux: Double?
    public var fluxErr: Double?
    /// Milky Way ISM contribution to the DM, pc cm^-3.
    public var dmism: Double?
    /// Cosmology used for derived quantities, e.g. "Planck18".
    public var cosmo: String?
    public var errorEllipse: ErrorEllipse?
    /// When ingest accepted the measurement (the original's auto `datetime`).
    public var receivedAt: Date

    public init(
        measurementId: Int64, frbId: Int64, ra: Double, dec: Double, raHms: String, decDms: String,
        raPosError: Double, decPosError: Double, gl: Double, gb: Double, source: MeasurementSource,
        version: String, dm: Double? = nil, dmErr: Double? = nil, sn: Double? = nil, width: Double? = nil,
        z: Double? = nil, rm: Double? = nil, rmErr: Double? = nil, fluence: Double? = nil,
        fluenceErr: Double? = nil, flux: Double? = nil, fluxErr: Double? = nil, dmism: Double? = nil,
        cosmo: String? = nil, errorEllipse: ErrorEllipse? = nil, receivedAt: Date
    ) {
        self.measurementId = measurementId
        self.frbId = frbId
        self.ra = ra
        self.dec = dec
        self.raHms = raHms
        self.decDms = decDms
        self.raPosError = raPosError
        self.decPosError = decPosError
        self.gl = gl
        self.gb = gb
        self.source = source
        self.version = version
        self.dm = dm
        self.dmErr = dmErr
        self.sn = sn
        self.width = width
        self.z = z
        self.rm = rm
        self.rmErr = rmErr
        self.fluence = fluence
        self.fluenceErr = fluenceErr
        self.flux = flux
        self.fluxErr = fluxErr
        self.dmism = dmism
        self.cosmo = cosmo
        self.errorEllipse = errorEllipse
        self.receivedAt = receivedAt
    }
}

/// An observation accepted by ingest-api, before it is stored.
public struct FRBObservationReceived: EventPayload {
    public static var eventType: EventType { .frbObservationReceived }
    public var observation: FRBObservation

    public init(observation: FRBObservation) {
        self.observation = observation
    }
}

/// An FRB candidate accepted by ingest-api, its images already saved to the media store.
public struct FRBEventReceived: EventPayload {
    public static var eventType: EventType { .frbEventReceived }
    public var frb: FRBRecord

    public init(frb: FRBRecord) {
        self.frb = frb
    }
}

/// A radio measurement accepted by ingest-api; its FRB may not be stored yet.
public struct FRBMeasurementReceived: EventPayload {
    public static var eventType: EventType { .frbMeasurementReceived }
    public var measurement: RadioMeasurement

    public init(measurement: RadioMeasurement) {
        self.measurement = measurement
    }
}

/// An observation committed to the catalogue.
public struct FRBObservationStored: EventPayload {
    public static var eventType: EventType { .frbObservationStored }
    public var observation: FRBObservation

    public init(observation: FRBObservation) {
        self.observation = observation
    }
}

/// An FRB committed to the catalogue, with its observation and image URLs: all a Slack alert needs.
public struct FRBEventStored: EventPayload {
    public static var eventType: EventType { .frbEventStored }
    public var frb: FRBRecord
    public var observation: FRBObservation
    public var imageUrls: FRBImageURLs

    public init(frb: FRBRecord, observation: FRBObservation, imageUrls: FRBImageURLs) {
        self.frb = frb
        self.observation = observation
        self.imageUrls = imageUrls
    }
}

/// A measurement committed to the catalogue, with its FRB and observation: all a TNS report,
/// a VOEvent or a trigger rule needs. `isFirstMeasurement` marks the one the original app reported.
public struct FRBMeasurementStored: EventPayload {
    public static var eventType: EventType { .frbMeasurementStored }
    public var measurement: RadioMeasurement
    public var frb: FRBRecord
    public var observation: FRBObservation
    public var isFirstMeasurement: Bool
    public var imageUrls: FRBImageURLs

    public init(
        measurement: RadioMeasurement, frb: FRBRecord, observation: FRBObservation,
        isFirstMeasurement: Bool, imageUrls: FRBImageURLs
    ) {
        self.measurement = measurement
        self.frb = frb
        self.observation = observation
        self.isFirstMeasurement = isFirstMeasurement
        self.imageUrls = imageUrls
    }
}
