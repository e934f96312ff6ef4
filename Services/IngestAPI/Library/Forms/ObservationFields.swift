import Schema

/// A validated observation (FRB_candidates_app's Observation) before ingest-api has given it an id.
/// Form fields and observation YAML keys share the model's names, so one reader serves both.
public struct ObservationFields: Sendable, Equatable {
    public var beamSemiMajorAxis: Double
    public var beamSemiMinorAxis: Double
    public var beamRotationAngle: Double
    public var samplingTime: Double
    public var bandwidth: Double
    public var nchan: Int
    public var centreFrequency: Double
    public var npol: Int
    public var bitsPerSample: Int
    public var gain: Double
    public var tsys: Double
    public var backend: String
    public var beam: Int?

    public init(
        beamSemiMajorAxis: Double, beamSemiMinorAxis: Double, beamRotationAngle: Double, samplingTime: Double,
        bandwidth: Double, nchan: Int, centreFrequency: Double, npol: Int, bitsPerSample: Int, gain: Double,
        tsys: Double, backend: String, beam: Int? = nil
    ) {
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

    public func record(id: Int64) -> FRBObservation {
        FRBObservation(
            observationId: id, beamSemiMajorAxis: beamSemiMajorAxis, beamSemiMinorAxis: beamSemiMinorAxis,
            beamRotationAngle: beamRotationAngle, samplingTime: samplingTime, bandwidth: bandwidth, nchan: nchan,
            centreFrequency: centreFrequency, npol: npol, bitsPerSample: bitsPerSample, gain: gain, tsys: tsys,
            backend: backend, beam: beam)
    }

    /// Every field is required except `beam`, as in the model; nil when any is invalid.
    static func read(_ reader: inout FieldReader) -> ObservationFields? {
        let beamSemiMajorAxis = reader.read("beam_semi_major_axis", FieldRules.number)
        let beamSemiMinorAxis = reader.read("beam_semi_minor_axis", FieldRules.number)
        let beamRotationAngle = reader.read("beam_rotation_angle", FieldRules.number)
        let samplingTime = reader.read("sampling_time", FieldRules.number)
        let bandwidth = reader.read("bandwidth", FieldRules.number)
        let nchan = reader.read("nchan", FieldRules.integer)
        let centreFrequency = reader.read("centre_frequency", FieldRules.number)
        let npol = reader.read("npol", FieldRules.integer)
        let bitsPerSample = reader.read("bits_per_sample", FieldRules.integer)
        let gain = reader.read("gain", FieldRules.number)
        let tsys = reader.read("tsys", FieldRules.number)
        let backend = reader.read("backend", FieldRules.text(limit: 128))
        let beam = reader.read("beam", required: false, FieldRules.integer)
        guard let beamSemiMajorAxis, let beamSemiMinorAxis, let beamRotationAngle, let samplingTime, let bandwidth,
              let nchan, let centreFrequency, let npol, let bitsPerSample, let gain, let tsys, let backend,
              reader.errors.isEmpty else { return nil }
        return ObservationFields(
            beamSemiMajorAxis: beamSemiMajorAxis, beamSemiMinorAxis: beamSemiMinorAxis,
            beamRotationAngle: beamRotationAngle, samplingTime: samplingTime, bandwidth: bandwidth, nchan: nchan,
            centreFrequency: centreFrequency, npol: npol, bitsPerSample: bitsPerSample, gain: gain, tsys: tsys,
            backend: backend, beam: beam)
    }
}
