/// SQL fragments the read API and the stored events share.
enum CatalogSQL {
    /// The FRB's plots as absolute URLs under the media base URL (a bound text parameter ending in "/").
    static func imageURLs(_ frb: String, base: String) -> String {
        """
        jsonb_strip_nulls(jsonb_build_object(
            'search', \(base)::text || (\(frb).images->'search'->>'path'),
            'image', \(base)::text || (\(frb).images->'image'->>'path'),
            'histogram', \(base)::text || (\(frb).images->'histogram'->>'path')))
        """
    }

    /// A LIKE pattern where `%` is the only wildcard, as the MWA services and the FRB list document;
    /// `_` and `\` are ordinary characters.
    static func likePattern(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "_", with: "\\_")
    }
}
