import Database
import Foundation
import Schema

/// YSE-PZ transients and photometry. A known name keeps its values where the upload leaves them out;
/// a point in the same instrument and band within `mjdmatchmin` days is the same observation, replaced
/// only when the upload says `clobber`, as YSE-PZ's `add_transient` does.
enum TransientRecords {
    static func store(_ upload: TransientUploadReceived, _ db: isolated DatabaseConnection) throws {
        for transient in upload.transients.values.sorted(by: { $0.name < $1.name }) {
            try store(transient, upload, db)
            for group in (transient.transientphotometry?.groups ?? [:]).values {
                for point in group.photdata.values {
                    try store(point, of: transient.name, group: group, transient.transientphotometry, db)
                }
            }
        }
    }

    private static func store(_ transient: YSETransient, _ upload: TransientUploadReceived, _ db: isolated DatabaseConnection) throws {
        let tags = try transient.tags.map { String(decoding: try EventJSON.encoder().encode($0), as: UTF8.self) }
        let extras = String(decoding: try EventJSON.encoder().encode(transient.extras), as: UTF8.self)
        try db.query("""
            INSERT INTO catalog_transients (name, ra, dec, disc_date, redshift, status, obs_group, tags, internal_names, extras,
                uploaded_by, first_uploaded_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::jsonb, $11, $12, $12)
            ON CONFLICT (name) DO UPDATE SET
                ra = COALESCE(EXCLUDED.ra, catalog_transients.ra),
                dec = COALESCE(EXCLUDED.dec, catalog_transients.dec),
                disc_date = COALESCE(EXCLUDED.disc_date, catalog_transients.disc_date),
                redshift = COALESCE(EXCLUDED.redshift, catalog_transients.redshift),
                status = CASE WHEN $13 AND catalog_transients.status = 'Ignore' THEN 'New'
                              ELSE COALESCE(EXCLUDED.status, catalog_transients.status) END,
                obs_group = COALESCE(EXCLUDED.obs_group, catalog_transients.obs_group),
                tags = COALESCE(EXCLUDED.tags, catalog_transients.tags),
                internal_names = COALESCE(EXCLUDED.internal_names, catalog_transients.internal_names),
                extras = catalog_transients.extras || EXCLUDED.extras,
                updated_at = EXCLUDED.updated_at
            """, [transient.name, transient.ra, transient.dec, transient.discDate, transient.redshift, transient.status,
                  transient.obsGroup, tags, transient.internalNames, extras, upload.uploadedBy, upload.receivedAt,
                  upload.noupdatestatus == false])
    }

    private static func store(_ point: YSEPhotometryPoint, of name: String, group: YSEPhotometryGroup,
                              _ header: YSEPhotometryUpload?, _ db: isolated DatabaseConnection) throws {
        let window = (header?.mjdmatchmin ?? 0) * 86_400
        let existing = try db.query("""
            SELECT obs_date FROM catalog_photometry
            WHERE transient_name = $1 AND instrument = $2 AND band = $3
              AND abs(extract(epoch FROM obs_date - $4::timestamptz)) <= $5
            ORDER BY abs(extract(epoch FROM obs_date - $4::timestamptz)) LIMIT 1
            """, [name, group.instrument, point.band, point.obsDate, window]).first
        if let existing, header?.clobber != true { return }
        let quality = try point.dataQuality.map { String(decoding: try EventJSON.encoder().encode($0), as: UTF8.self) }
        let extras = String(decoding: try EventJSON.encoder().encode(point.extras), as: UTF8.self)
        if let existing {
            try db.query("DELETE FROM catalog_photometry WHERE transient_name = $1 AND instrument = $2 AND band = $3 AND obs_date = $4",
                         [name, group.instrument, point.band, try existing.date("obs_date")])
        }
        try db.query("""
            INSERT INTO catalog_photometry (transient_name, instrument, obs_group, band, obs_date, mag, mag_err, flux, flux_err,
                flux_zero_point, data_quality, diffim, forced, discovery_point, extras)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15::jsonb)
            """, [name, group.instrument, group.obsGroup, point.band, point.obsDate, point.mag, point.magErr, point.flux,
                  point.fluxErr, point.fluxZeroPoint, quality, point.diffim, point.forced, point.discoveryPoint, extras])
    }
}
