extension VTPServer {
    /// Where the receiver listens, who it says it is, and how long it waits for an author; the defaults
    /// are a Comet receiver's (port 8098, 20 s for an author's event) except that it binds to loopback only.
    public struct Configuration: Sendable {
        /// Address to bind; "0.0.0.0" exposes the receiver to the network.
        public var host: String
        /// Port to bind; 0 picks a free one (see `VTPServer.localPort`).
        public var port: Int
        /// Our IVO, sent as `Response` in every reply, e.g. "ivo://burstwire.local/ingest".
        public var localIVO: String
        /// Largest frame payload accepted; a larger announced length is naked and the connection closed.
        public var maximumFrameLength: Int
        /// How long an author has, from connecting, to deliver one complete frame.
        public var authorTimeout: Duration

        public init(
            host: String = "127.0.0.1", port: Int = 8098, localIVO: String,
            maximumFrameLength: Int = VOEventInspector.defaultMaximumBytes, authorTimeout: Duration = .seconds(20)
        ) {
            self.host = host
            self.port = port
            self.localIVO = localIVO
            self.maximumFrameLength = maximumFrameLength
            self.authorTimeout = authorTimeout
        }
    }
}
