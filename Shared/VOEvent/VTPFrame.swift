/// VTP's framing (Comet's Int32StringReceiver): a 4-byte big-endian length, then the XML.
public enum VTPFrame {
    public static func framed(_ payload: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: payload.count).bigEndian, Array.init) + payload
    }
}
