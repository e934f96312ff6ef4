import Foundation
import VOEvent
import Schema

/// Which VOEvent an FRB gets. Updates and retractions carry the IVORN they cite, which the caller has
/// from the delivery ledger, so the builder needs no memory of what was sent.
enum FRBVOEventKind: Sendable, Equatable {
    case detection
    /// A later measurement; it `supersedes` the cited packet because it replaces its position and parameters.
    case update(citing: String)
    case retraction(citing: String, reason: String)
}

/// Writes VOEvent 2.0 packets for FRBs following ebpetroff/FRB_VOEvent's templates, plus the parameters
/// FRB_candidates_app left out (fluence, RM, redshift, Milky Way DM, TNS name, our ids).
///
/// The output depends on its inputs alone (`createdAt` included), so a retried send is byte-identical and
/// a Comet broker answers "previously seen" rather than publishing the event twice.
struct FRBVOEventBuilder: Sendable {
    let settings: VOEventSettings

    /// `ivo://<authority>/<stream>#FRB<frbId>` for the detection, `…/update/<measurementId>` for an
    /// update and `…/retraction` for the retraction: one IVORN per FRB and kind (per measurement for
    /// updates), so the IVORN alone tells a subscriber which packet it holds.
    func ivorn(for kind: FRBVOEventKind, frbId: Int64, measurementId: Int64) -> String {
        let localId = switch kind {
        case .detection: "FRB\(frbId)"
        case .update: "FRB\(frbId)/update/\(measurementId)"
        case .retraction: "FRB\(frbId)/retraction"
        }
        return "ivo://\(settings.authority)/\(settings.stream)#\(localId)"
    }

    /// The packet (send `Array(xml.utf8)`). `tnsName` overrides `stored.frb.tnsName`, because TNS usually
    /// names the burst after the measurement was stored. A retraction keeps Who, WhereWhen, How and Why
    /// but, like the 04-Retraction template, no What: the parameters of a burst that is not one are noise.
    func xml(kind: FRBVOEventKind, stored: FRBMeasurementStored, tnsName: String?, createdAt: Date) -> String {
        let e = XMLEscaping.attribute
        let id = ivorn(for: kind, frbId: stored.frb.frbId, measurementId: stored.measurement.measurementId)
        let name = tnsName ?? stored.frb.tnsName
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#
                + #" xsi:schemaLocation="http://www.ivoa.net/xml/VOEvent/v2.0 http://www.ivoa.net/xml/VOEvent/VOEvent-v2.0.xsd""#
                + #" ivorn="\#(e(id))" role="\#(settings.role.rawValue)" version="2.0">"#,
        ]
        lines += who(createdAt: createdAt)
        if case .retraction = kind {} else { lines += what(stored, tnsName: name) }
        lines += whereWhen(stored)
        lines += ["  <How>", "    <Description>\(e(settings.howDescription))</Description>"]
        if let uri = settings.howReference { lines.append(#"    <Reference uri="\#(e(uri))"/>"#) }
        lines.append("  </How>")
        let importance = VOEventXML.number(settings.importance).map { #" importance="\#($0)""# } ?? ""
        lines += [
            "  <Why\(importance)>",
            "    <Name>\(e(name ?? "FRB \(stored.frb.frbId)"))</Name>",
            "    <Concept>Fast Radio Burst</Concept>",
            "  </Why>",
        ]
        lines += citations(kind, measurementId: stored.measurement.measurementId)
        lines.append("</voe:VOEvent>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func who(createdAt: Date) -> [String] {
        let e = XMLEscaping.attribute
        var lines = ["  <Who>", "    <AuthorIVORN>\(e(settings.authorIvorn))</AuthorIVORN>"]
        if let date = EventTimestamp.string(from: createdAt) { lines.append("    <Date>\(date)</Date>") }
        lines += [
            "    <Author>",
            "      <shortName>\(e(settings.authorShortName))</shortName>",
            "      <contactName>\(e(settings.contactName))</contactName>",
            "      <contactEmail>\(e(settings.contactEmail))</contactEmail>",
        ]
        if let phone = settings.contactPhone { lines.append("      <contactPhone>\(e(phone))</contactPhone>") }
        return lines + ["    </Author>", "  </Who>"]
    }

    /// Names, units and UCDs are the templates' (01-Detection for the first two groups, 03-Update's
    /// "advanced parameters" for the rest), so FRB-aware readers find each value where they expect it.
    private func what(_ stored: FRBMeasurementStored, tnsName: String?) -> [String] {
        let o = stored.observation, m = stored.measurement
        let observatory: [WhatParam?] = [
            .float("beam_semi-major_axis", o.beamSemiMajorAxis, unit: "MM", ucd: "instr.beam;pos.errorEllipse;phys.angSize.smajAxis"),
            .float("beam_semi-minor_axis", o.beamSemiMinorAxis, unit: "MM", ucd: "instr.beam;pos.errorEllipse;phys.angSize.sminAxis"),
            .float("beam_rotation_angle", o.beamRotationAngle, unit: "Degrees", ucd: "instr.beam;pos.errorEllipse;instr.offset"),
            .float("sampling_time", o.samplingTime, unit: "ms", ucd: "time.resolution"),
            .float("bandwidth", o.bandwidth, unit: "MHz", ucd: "instr.bandwidth"),
            .int("nchan", Int64(o.nchan), unit: "None", ucd: "meta.number;em.freq;em.bin"),
            .float("centre_frequency", o.centreFrequency, unit: "MHz", ucd: "em.freq;instr"),
            .int("npol", Int64(o.npol), unit: "None"),
            .int("bits_per_sample", Int64(o.bitsPerSample), unit: "None"),
            .float("gain", o.gain, unit: "K/Jy"),
            .float("tsys", o.tsys, unit: "K", ucd: "phot.antennaTemp"),
            .string("backend", o.backend),
            .int("beam", o.beam.map(Int64.init), description: "Detection beam number if backend is a multi beam receiver"),
        ]
        let event: [WhatParam?] = [
            .float("dm", m.dm, unit: "pc/cm^3", ucd: "phys.dispMeasure"),
            .float("dm_error", m.dmErr, unit: "pc/cm^3", ucd: "stat.error;phys.dispMeasure"),
            .float("width", m.width, unit: "ms", ucd: "time.duration;src.var.pulse"),
            .float("snr", m.sn, ucd: "stat.snr"),
            .float("flux", m.flux, unit: "Jy", ucd: "phot.flux"),
            .float("gl", m.gl, unit: "Degrees", ucd: "pos.galactic.lon"),
            .float("gb", m.gb, unit: "Degrees", ucd: "pos.galactic.lat"),
            .string("repeater", stored.frb.repeater ? "true" : "false"),
            .string("tns_name", tnsName),
            .int("frb_id", stored.frb.frbId),
            .int("measurement_id", m.measurementId),
        ]
        // The upload gives symmetric errors; the templates only have upper and lower ones, so both are written.
        let advanced: [WhatParam?] = [
            .float("MW_dm_limit", m.dmism, unit: "pc/cm^3", description: "Milky Way ISM contribution to the dispersion measure"),
            .float("redshift_inferred", m.z, unit: "None", ucd: "src.redshift",
                   description: "Inferred from the dispersion measure" + (m.cosmo.map { " assuming \($0)" } ?? "")),
            .float("flux_error_upper", m.fluxErr, unit: "Jy", ucd: "stat.error;phot.flux;stat.max"),
            .float("flux_error_lower", m.fluxErr, unit: "Jy", ucd: "stat.error;phot.flux;stat.min"),
            .float("fluence", m.fluence, unit: "Jy ms", ucd: "phot.fluence"),
            .float("fluence_error_upper", m.fluenceErr, unit: "Jy ms", ucd: "stat.error;phot.fluence;stat.max"),
            .float("fluence_error_lower", m.fluenceErr, unit: "Jy ms", ucd: "stat.error;phot.fluence;stat.min"),
            .float("rm", m.rm, unit: "rad/m^2", ucd: "phys.polarization.rotMeasure"),
            .float("rm_error", m.rmErr, unit: "rad/m^2", ucd: "stat.error;phys.polarization.rotMeasure"),
        ]
        var lines = ["  <What>"]
        for (group, params) in [("observatory parameters", observatory), ("event parameters", event), ("advanced parameters", advanced)] {
            let present = params.compactMap { $0 }
            // A Group needs at least one Param to be valid.
            guard !present.isEmpty else { continue }
            lines.append(#"    <Group name="\#(group)">"#)
            lines += present.map { "      " + $0.xml }
            lines.append("    </Group>")
        }
        return lines + ["  </What>"]
    }

    /// `Error2Radius`, degrees: the error ellipse's semi-major axis when the upload has one, otherwise the
    /// larger of the RA and Dec errors, since a circle must cover the worse axis (FRB_candidates_app took
    /// the mean, which understates it).
    static func errorRadius(of measurement: RadioMeasurement) -> Double {
        measurement.errorEllipse?.a ?? max(measurement.raPosError, measurement.decPosError)
    }

    /// A position that is not finite is left out rather than made invalid.
    private func whereWhen(_ stored: FRBMeasurementStored) -> [String] {
        let m = stored.measurement
        let radius = Self.errorRadius(of: m)
        var lines = [
            "  <WhereWhen>",
            "    <ObsDataLocation>",
            #"      <ObservatoryLocation id="\#(XMLEscaping.attribute(settings.observatoryLocation))"/>"#,
            "      <ObservationLocation>",
            #"        <AstroCoordSystem id="UTC-FK5-GEO"/>"#,
            #"        <AstroCoords coord_system_id="UTC-FK5-GEO">"#,
        ]
        if let time = VOEventXML.isoTime(stored.frb.timeOfArrival) {
            lines.append(#"          <Time unit="s"><TimeInstant><ISOTime>\#(time)</ISOTime></TimeInstant></Time>"#)
        }
        if let ra = VOEventXML.number(m.ra), let dec = VOEventXML.number(m.dec), let error = VOEventXML.number(radius) {
            lines.append(#"          <Position2D unit="deg"><Name1>RA</Name1><Name2>Dec</Name2>"#
                + "<Value2><C1>\(ra)</C1><C2>\(dec)</C2></Value2><Error2Radius>\(error)</Error2Radius></Position2D>")
        }
        return lines + ["        </AstroCoords>", "      </ObservationLocation>", "    </ObsDataLocation>", "  </WhereWhen>"]
    }

    private func citations(_ kind: FRBVOEventKind, measurementId: Int64) -> [String] {
        let e = XMLEscaping.attribute
        let (cited, cite, description): (String, String, String)
        switch kind {
        case .detection: return []
        case .update(let ivorn): (cited, cite, description) = (ivorn, "supersedes", "Parameters and position from measurement \(measurementId)")
        case .retraction(let ivorn, let reason): (cited, cite, description) = (ivorn, "retraction", reason)
        }
        return [
            "  <Citations>",
            #"    <EventIVORN cite="\#(cite)">\#(e(cited))</EventIVORN>"#,
            "    <Description>\(e(description))</Description>",
            "  </Citations>",
        ]
    }
}
