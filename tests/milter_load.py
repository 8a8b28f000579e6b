#!/usr/bin/env python3
"""Milter load checks against running `sendguard serve` processes (tests/milter_load_test.sh).

  milter_load.py wide PORT PID IDLE DRIBBLERS STEP_MS
      IDLE idle connections stay open (cap above IDLE) while real messages are
      judged on new connections, and dribbling clients are cut at the step timeout.
  milter_load.py hold PORT N READY_FILE
      opens N idle connections, writes READY_FILE and holds them until killed.
  milter_load.py capped PORT PID IDLE CAP IDLE_MS
      with the cap at CAP, the connections beyond it are closed at once, a message
      meanwhile is refused (the MTA tempfails it), and once the idle ones time out
      a message is judged again.

Speaks the milter protocol as Postfix does (version 6, no replies before end of
message). Prints what it measured; exits 1 on the first failed check.
"""
import os
import select
import socket
import struct
import sys
import time

JUDGE_SECONDS = float(os.environ.get("JUDGE_SECONDS", "10"))  # generous for sanitizer builds


def fail(what):
    print("FAIL: " + what, flush=True)
    sys.exit(1)


def packet(cmd, data=b""):
    return struct.pack(">I", len(data) + 1) + cmd + data


def nul(s):
    return s.encode() + b"\0"


def read_packet(sock, deadline):
    """The next (command, data) from the filter; None when it closed the connection."""
    buf = b""
    need = 5
    while len(buf) < need:
        left = deadline - time.monotonic()
        if left <= 0:
            fail("no reply from the filter in time")
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536 if need - len(buf) > 65536 else need - len(buf))
        except socket.timeout:
            fail("no reply from the filter in time")
        except ConnectionResetError:
            return None
        if not chunk:
            return None
        buf += chunk
        if len(buf) >= 4:
            need = 4 + struct.unpack(">I", buf[:4])[0]
    return buf[4:5], buf[5:need]


def negotiate(sock, deadline):
    sock.sendall(packet(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    reply = read_packet(sock, deadline)
    if reply is None:
        return False
    if reply[0] != b"O":
        fail("negotiation answered with %r" % (reply[0],))
    return True


def message(rcpt, subject, body):
    """The commands of one message, after negotiation."""
    s = packet(b"C", nul("client.army.mil") + b"4" + struct.pack(">H", 25) + nul("127.0.0.1"))
    s += packet(b"M", nul("<dana@army.mil>"))
    s += packet(b"R", nul("<%s>" % rcpt))
    for name, value in (("From", "dana@army.mil"), ("To", rcpt), ("Subject", subject)):
        s += packet(b"L", nul(name) + nul(" " + value))
    s += packet(b"N")
    s += packet(b"B", body.encode())
    s += packet(b"D", b"E" + nul("i") + nul("4F2A1LOAD"))
    s += packet(b"E")
    return s


def judge(port, rcpt, subject, body):
    """Sends one message on a new connection: (final reply command or None if refused, seconds)."""
    start = time.monotonic()
    deadline = start + JUDGE_SECONDS
    sock = socket.create_connection(("127.0.0.1", port), timeout=JUDGE_SECONDS)
    try:
        try:
            if not negotiate(sock, deadline):
                return None, time.monotonic() - start
            sock.sendall(message(rcpt, subject, body))
        except (BrokenPipeError, ConnectionResetError):
            return None, time.monotonic() - start
        while True:
            reply = read_packet(sock, deadline)
            if reply is None:
                return None, time.monotonic() - start
            if reply[0] in (b"a", b"d", b"y", b"t", b"r", b"c"):
                return reply[0], time.monotonic() - start
    finally:
        sock.close()


def threads(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return 0


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def open_idle(port, n):
    conns = []
    for _ in range(n):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.settimeout(10)
        s.connect(("127.0.0.1", port))
        s.setblocking(False)
        conns.append(s)
    return conns


def closed(conns, wait=0.0):
    """The connections among `conns` the server has closed (waiting up to `wait` s for the first)."""
    poller = select.poll()
    by_fd = {s.fileno(): s for s in conns}
    for fd in by_fd:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    out = []
    for fd, _ in poller.poll(wait * 1000):
        try:
            if by_fd[fd].recv(1) == b"":
                out.append(by_fd[fd])
        except (ConnectionResetError, BlockingIOError):
            out.append(by_fd[fd])
    return out


def check_messages(port, label):
    cases = [
        ("ops@army.ml", "travel", "Flights at 0610.\r\n", b"d", "a typo recipient held"),
        ("ops@navy.mil", "report", "All on schedule.\r\n", b"a", "a clean message accepted"),
        (
            "liaison@contractor-example.com",
            "brief",
            "SECRET//NOFORN\r\n\r\nPhase 2.\r\n",
            b"y",
            "a classified message rejected",
        ),
    ]
    slowest = 0.0
    for rcpt, subject, body, want, what in cases:
        got, seconds = judge(port, rcpt, subject, body)
        if got != want:
            fail("%s: %s: got %r, wanted %r" % (label, what, got, want))
        slowest = max(slowest, seconds)
        print("%s: %s in %.3f s" % (label, what, seconds), flush=True)
    return slowest


def dribble(port, n, step_ms):
    """Clients sending one byte of a negotiation every 200 ms are cut within the step timeout."""
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setblocking(False)
        socks.append(s)
    data = packet(b"O", b"\0" * 999)
    start = time.monotonic()
    cut_at = {}
    i = 0
    while len(cut_at) < n and time.monotonic() - start < step_ms / 1000.0 + 8:
        for s in socks:
            if s in cut_at:
                continue
            try:
                s.send(data[i : i + 1])
            except (BrokenPipeError, ConnectionResetError):
                cut_at[s] = time.monotonic() - start
        for s in closed([s for s in socks if s not in cut_at], 0.2):
            cut_at[s] = time.monotonic() - start
        i += 1
    for s in socks:
        s.close()
    if len(cut_at) < n:
        fail("%d of %d dribbling clients were not cut after %.1f s" % (n - len(cut_at), n, time.monotonic() - start))
    latest = max(cut_at.values())
    if latest < step_ms / 1000.0 * 0.9:
        fail("dribbling clients cut after %.2f s, before the step timeout" % latest)
    print("%d dribbling clients (a byte every 0.2 s) cut after %.2f-%.2f s (step timeout %.1f s)"
          % (n, min(cut_at.values()), latest, step_ms / 1000.0), flush=True)


def wide(port, pid, n_idle, n_dribblers, step_ms):
    base = threads(pid)
    t0 = time.monotonic()
    idle = open_idle(port, n_idle)
    deadline = time.monotonic() + 30
    while threads(pid) < base + n_idle and time.monotonic() < deadline:
        time.sleep(0.1)
    peak = threads(pid)
    print("%d idle connections open in %.2f s; serve threads %d -> %d, RSS %d MB"
          % (n_idle, time.monotonic() - t0, base, peak, rss_mb(pid)), flush=True)
    if peak < base + n_idle:
        fail("only %d of %d idle connections are served" % (peak - base, n_idle))
    slowest = check_messages(port, "with %d idle connections" % n_idle)
    dribble(port, n_dribblers, step_ms)
    gone = closed(idle)
    if gone:
        fail("%d idle connections were closed (the idle timeout is longer)" % len(gone))
    print("all %d idle connections still open; slowest message %.3f s; serve threads %d"
          % (n_idle, slowest, threads(pid)), flush=True)
    for s in idle:
        s.close()


def capped(port, pid, n_idle, cap, idle_ms):
    idle = open_idle(port, n_idle)
    time.sleep(0.5)
    gone = []
    deadline = time.monotonic() + 5
    while len(gone) < n_idle - cap and time.monotonic() < deadline:
        gone += closed([s for s in idle if s not in gone], 0.2)
    print("cap %d: %d of %d connections closed at once; serve threads %d"
          % (cap, len(gone), n_idle, threads(pid)), flush=True)
    if len(gone) != n_idle - cap:
        fail("with the cap at %d, %d of %d connections were closed" % (cap, len(gone), n_idle))
    got, seconds = judge(port, "ops@army.ml", "travel", "Flights at 0610.\r\n")
    if got is not None:
        fail("a message over the cap was answered %r instead of refused" % (got,))
    print("cap %d: a message over the cap is refused (the MTA tempfails it) in %.3f s"
          % (cap, seconds), flush=True)
    time.sleep(idle_ms / 1000.0 + 1)
    still = [s for s in idle if s not in gone]
    cut = closed(still, 2)
    deadline = time.monotonic() + 5
    while len(cut) < len(still) and time.monotonic() < deadline:
        cut += closed([s for s in still if s not in cut], 0.2)
    if len(cut) != len(still):
        fail("%d idle connections outlived the idle timeout" % (len(still) - len(cut)))
    check_messages(port, "cap %d, after the idle timeout" % cap)
    for s in idle:
        s.close()


def hold(port, n, ready_file):
    conns = open_idle(port, n)
    with open(ready_file, "w") as f:
        f.write("%d\n" % len(conns))
    time.sleep(600)


def main():
    mode = sys.argv[1]
    if mode == "hold":
        hold(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        return
    args = [int(a) for a in sys.argv[2:]]
    if mode == "wide":
        wide(*args)
    elif mode == "capped":
        capped(*args)
    else:
        fail("unknown mode " + mode)


if __name__ == "__main__":
    main()
