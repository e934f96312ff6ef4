import Testing
@testable import FITS

/// Reference values from astropy 8.0 / numpy on the same files, e.g.
/// `fits.open("small.fits")[0].data.astype(float64).sum()`.
@Suite struct FITSHeaderTests {
    @Test func listsHDUs() throws {
        #expect(try FITSFile(path: Fixture.smallImage).hdus() == [HDU(index: 0, kind: .image, name: nil)])
        let catalogue = try FITSFile(path: Fixture.componentCatalogue)
        try catalogue.selectHDU(1)
        let expected = [HDU(index: 0, kind: .image, name: nil), HDU(index: 1, kind: .binaryTable, name: nil)]
        #expect(try catalogue.hdus() == expected)
        #expect(catalogue.currentHDUIndex == 1)
    }

    @Test func readsTypedKeywords() throws {
        let file = try FITSFile(path: Fixture.smallImage)
        #expect(try file.integerValue(forKeyword: "NAXIS1") == 20)
        #expect(try file.integerValue(forKeyword: "NAXIS2") == 20)
        #expect(try file.integerValue(forKeyword: "BITPIX") == -32)
        #expect(try file.doubleValue(forKeyword: "CRVAL1") == 0)
        #expect(try file.doubleValue(forKeyword: "CRVAL2") == -90)
        #expect(try file.doubleValue(forKeyword: "CDELT1") == -0.06666666666667)
        #expect(try file.doubleValue(forKeyword: "CRPIX2") == -79.3114)
        #expect(try file.doubleValue(forKeyword: "RESTFRQ") == 1_420_405_750)
        #expect(try file.stringValue(forKeyword: "BUNIT") == "JY/BEAM")
        #expect(try file.stringValue(forKeyword: "ctype1") == "RA---SIN")
        #expect(try file.stringValue(forKeyword: "NAXIS1") == "20")
        #expect(try file.integerValue(forKeyword: "CRPIX2") == -79)
    }

    /// astropy counts 129 cards before END.
    @Test func readsHeaderCards() throws {
        let cards = try FITSFile(path: Fixture.smallImage).headerCards()
        #expect(cards.count == 129)
        #expect(cards.first == "SIMPLE  =                    T")
        #expect(cards[5] == "BUNIT   = 'JY/BEAM '")
        #expect(cards.contains("HISTORY Parkes Multibeam continuum map"))
    }

    @Test func missingKeywordReportsStatus202() throws {
        let file = try FITSFile(path: Fixture.smallImage)
        let error = #expect(throws: FITSError.self) { try file.doubleValue(forKeyword: "TELESCOP") }
        #expect(error?.status == FITSError.keywordNotFound)
        #expect(error?.message == "keyword not found in header")
        #expect(error?.description.contains("small.fits: read keyword TELESCOP") == true)
    }

    /// cfitsio BAD_C2D (409): "JY/BEAM" cannot be converted to a number.
    @Test func stringKeywordIsNotANumber() throws {
        let file = try FITSFile(path: Fixture.smallImage)
        let error = #expect(throws: FITSError.self) { try file.doubleValue(forKeyword: "BUNIT") }
        #expect(error?.status == 409)
        #expect(error?.operation == "read keyword BUNIT as a real number")
    }

    @Test func missingFileReportsStatus104() {
        let path = Fixture.directory.appendingPathComponent("no-such-file.fits").path
        let error = #expect(throws: FITSError.self) { try FITSFile(path: path) }
        #expect(error?.status == 104)
        #expect(error?.status == FITSError.fileNotOpened)
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix("\(path): open failed: cfitsio status 104") == true)
    }

    @Test func selectingAbsentHDUFails() throws {
        let file = try FITSFile(path: Fixture.smallImage)
        let error = #expect(throws: FITSError.self) { try file.selectHDU(3) }
        #expect(error?.status == 107) // cfitsio END_OF_FILE: moved past the last HDU
        #expect(error?.operation == "select HDU 3")
        #expect(file.currentHDUIndex == 0)
    }
}

@Suite struct FITSImageTests {
    @Test func readsShape() throws {
        #expect(try FITSFile(path: Fixture.smallImage).imageShape() == [20, 20])
    }

    /// numpy on astropy's `data` (shape (NAXIS2, NAXIS1)): sum 15.647802787265391, max
    /// 1.4297285079956055 at [9, 9]; data[0, 1] = −0.0025641638785600662, data[1, 0] =
    /// −0.005894087255001068, so the flat array must run along NAXIS1 first.
    @Test func readsPixels() throws {
        let pixels = try FITSFile(path: Fixture.smallImage).imagePixels()
        #expect(pixels.count == 400)
        #expect(!pixels.contains { $0.isNaN })
        #expect(abs(pixels.reduce(0, +) - 15.647802787265391) < 1e-9)
        #expect(pixels.max() == 1.4297285079956055)
        #expect(pixels.firstIndex(of: 1.4297285079956055) == 9 * 20 + 9)
        #expect(pixels[0] == 0.004542458336800337)
        #expect(pixels[1] == -0.0025641638785600662)
        #expect(pixels[20] == -0.005894087255001068)
    }

    @Test func primaryOfTableFileHasNoImage() throws {
        let file = try FITSFile(path: Fixture.componentCatalogue)
        #expect(try file.imageShape() == [])
        #expect(try file.imagePixels() == [])
    }
}

@Suite struct FITSTableTests {
    func catalogue() throws -> FITSFile {
        let file = try FITSFile(path: Fixture.componentCatalogue)
        try file.selectHDU(1)
        return file
    }

    @Test func readsRowCountAndColumnNames() throws {
        let file = try catalogue()
        #expect(try file.rowCount() == 51)
        let names = try file.columnNames()
        #expect(names.count == 27)
        #expect(names.prefix(6) == ["island", "source", "background", "local_rms", "ra_str", "dec_str"])
        #expect(names.last == "psf_pa")
    }

    /// astropy: ra[0] = 293.15643310546875, ra[50] = 295.2945861816406, island[0] = 41,
    /// sum(peak_flux) = 60.8831921517849.
    @Test func readsNumericColumns() throws {
        let file = try catalogue()
        let ra = try file.doubleColumn("ra")
        #expect(ra.count == 51)
        #expect(ra[0] == 293.15643310546875)
        #expect(ra[50] == 295.2945861816406)
        #expect(try file.doubleColumn("ISLAND")[0] == 41)
        #expect(abs(try file.doubleColumn("peak_flux").reduce(0, +) - 60.8831921517849) < 1e-9)
    }

    @Test func readsStringColumns() throws {
        let file = try catalogue()
        let rightAscensions = try file.stringColumn("ra_str")
        #expect(rightAscensions.count == 51)
        #expect(rightAscensions[0] == "19:32:37.54")
        #expect(try file.stringColumn("dec_str")[50] == "-67:31:51.23")
        #expect(try file.stringColumn("uuid")[0] == "0d673203-1f90-4b39-a133-9fdf895bb7a4")
    }

    @Test func missingColumnReportsStatus219() throws {
        let error = #expect(throws: FITSError.self) { try catalogue().doubleColumn("flux") }
        #expect(error?.status == FITSError.columnNotFound)
        #expect(error?.operation == "find column flux")
    }

    @Test func tableReadsOnImageFail() throws {
        let file = try FITSFile(path: Fixture.smallImage)
        let error = #expect(throws: FITSError.self) { try file.rowCount() }
        #expect(error?.status == 235)
    }
}
