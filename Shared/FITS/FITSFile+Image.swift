import CFITSIO

extension FITSFile {
    /// Axis lengths of the current HDU's image in FITS order (NAXIS1 first, the fastest-varying
    /// axis); empty for an HDU without data.
    public func imageShape() throws(FITSError) -> [Int] {
        var status: Int32 = 0
        var dimensions: Int32 = 0
        cfits_get_img_dim(handle, &dimensions, &status)
        try check(status, "read image dimensions")
        var axes = [Int](repeating: 0, count: Int(dimensions))
        cfits_get_img_size(handle, dimensions, &axes, &status)
        try check(status, "read image size")
        return axes
    }

    /// Every pixel of the current HDU's image, NAXIS1 varying fastest, with BSCALE/BZERO applied.
    /// Undefined pixels (BLANK in integer images, NaN in floating-point ones) are NaN.
    public func imagePixels() throws(FITSError) -> [Double] {
        let shape = try imageShape()
        let count = shape.isEmpty ? 0 : shape.reduce(1, *)
        guard count > 0 else { return [] }
        var status: Int32 = 0
        var anyUndefined: Int32 = 0
        var pixels = [Double](repeating: .nan, count: count)
        cfits_read_img_dbl(handle, 1, count, .nan, &pixels, &anyUndefined, &status)
        try check(status, "read \(count) image pixels")
        return pixels
    }
}
