import CFITSIO

/// A FITS file opened read-only through cfitsio, for reading headers, images and tables of
/// survey products and catalogues.
///
/// The path is taken literally (no cfitsio extended-filename syntax such as "file.fits[1]").
/// One HDU is current at a time; header, image and table reads apply to it. A `FITSFile` must
/// be used by one thread at a time (cfitsio keeps per-file state); distinct files may be used
/// concurrently, since the system cfitsio is built reentrant. The file is closed on deinit.
public final class FITSFile: @unchecked Sendable {
    public let path: String
    let handle: UnsafeMutablePointer<fitsfile>

    public init(path: String) throws(FITSError) {
        var status: Int32 = 0
        var opened: UnsafeMutablePointer<fitsfile>?
        cfits_open_diskfile(&opened, path, READONLY, &status)
        guard status == 0, let opened else {
            throw FITSError(status: status, path: path, operation: "open")
        }
        self.path = path
        self.handle = opened
    }

    deinit {
        var status: Int32 = 0
        cfits_close_file(handle, &status)
    }

    /// Throws a `FITSError` naming this file if a cfitsio call left a non-zero status.
    func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(FITSError) {
        guard status == 0 else {
            throw FITSError(status: status, path: path, operation: operation())
        }
    }
}
