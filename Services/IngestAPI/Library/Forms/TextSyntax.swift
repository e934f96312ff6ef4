/// Byte-level checks of the number and date spellings forms carry. Hand-written rather than Regex
/// literals, which this toolchain compiles on every evaluation — on the hot path of every upload.
enum TextSyntax {
    /// `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`
    static func isDecimalNumber(_ text: String) -> Bool {
        var scanner = ByteScanner(text)
        scanner.skipSign()
        let integerDigits = scanner.skipDigits()
        var fractionDigits = 0
        if scanner.consume(UInt8(ascii: ".")) { fractionDigits = scanner.skipDigits() }
        guard integerDigits + fractionDigits > 0 else { return false }
        if scanner.consume(UInt8(ascii: "e")) || scanner.consume(UInt8(ascii: "E")) {
            scanner.skipSign()
            guard scanner.skipDigits() > 0 else { return false }
        }
        return scanner.atEnd
    }

    /// `[+-]?(nan|inf|infinity)`, any case.
    static func isNonFiniteWord(_ text: String) -> Bool {
        var word = Substring(text.lowercased())
        if word.first == "+" || word.first == "-" { word = word.dropFirst() }
        return word == "nan" || word == "inf" || word == "infinity"
    }

    /// `[+-]?\d+`
    static func isInteger(_ text: some StringProtocol) -> Bool {
        var scanner = ByteScanner(String(text))
        scanner.skipSign()
        return scanner.skipDigits() > 0 && scanner.atEnd
    }

    /// Drops a trailing `.0…` ("3000.0" → "3000"), as DRF's IntegerField does before parsing.
    static func droppingZeroFraction(_ text: String) -> String {
        guard let dot = text.lastIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return text }
        return String(text[..<dot])
    }
}

/// A cursor over a string's UTF-8 bytes.
struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { index == bytes.count }
    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSign() {
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
    }

    /// Skips digits and returns how many.
    @discardableResult
    mutating func skipDigits(maximum: Int = .max) -> Int {
        let start = index
        while index - start < maximum, let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Reads `minimum...maximum` digits as a number.
    mutating func number(minimum: Int, maximum: Int) -> Int? {
        let start = index
        let count = skipDigits(maximum: maximum)
        guard count >= minimum else { return nil }
        return bytes[start..<index].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
