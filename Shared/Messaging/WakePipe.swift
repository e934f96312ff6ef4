import Foundation
import Synchronization

/// A self-pipe that lets async code wake a thread blocked in poll() (eventfd is not exported by Glibc's Swift module).
/// A wake costs a write only while the thread sleeps, so a burst of publishes or acks is one syscall, not one each.
final class WakePipe: Sendable {
    let readFD: Int32
    private let writeFD: Int32
    private let sleeping = Atomic<Bool>(false)

    init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "pipe() failed")
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func wake() {
        guard sleeping.exchange(false, ordering: .sequentiallyConsistent) else { return }
        var one: UInt8 = 1
        _ = write(writeFD, &one, 1)
    }

    func drain() {
        var junk = [UInt8](repeating: 0, count: 256)
        while read(readFD, &junk, junk.count) > 0 {}
    }

    /// Blocks until `socket` is readable, the pipe is woken, or `timeout` passes; true when the socket is readable.
    /// `hasWork` is checked after the thread is marked sleeping, so work queued just before is never slept through.
    func wait(socket: Int32?, timeout: Duration, unless hasWork: () -> Bool) -> Bool {
        sleeping.store(true, ordering: .sequentiallyConsistent)
        defer { sleeping.store(false, ordering: .sequentiallyConsistent) }
        if hasWork() { return false }
        var fds = [pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
        if let socket { fds.append(pollfd(fd: socket, events: Int16(POLLIN), revents: 0)) }
        let millis = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&fds, nfds_t(fds.count), millis) > 0 else { return false }
        if fds[0].revents != 0 { drain() }
        return fds.count > 1 && fds[1].revents != 0
    }
}
