import Foundation

/// Test files copied from PaulHancock/Aegean @ bb04f50a3ec1, tests/test_files/ (see
/// /work/shared/data/fits/MANIFEST.md): `small.fits`, a 20×20 float32 Parkes image, and
/// `1904_comp.fits`, an Aegean component catalogue (51 rows × 27 columns in HDU 1).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let smallImage = directory.appendingPathComponent("small.fits").path
    static let componentCatalogue = directory.appendingPathComponent("1904_comp.fits").path
}
