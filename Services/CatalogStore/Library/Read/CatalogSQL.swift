/// SQL fragments the read API and the stored events share, so an image URL is built one way.
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
}
