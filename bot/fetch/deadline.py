"""One overall deadline per fetch, enforced even while a socket is blocked in a read.

httpx timeouts apply to each read, so a server that trickles a byte every few seconds
never trips them. The watchdog shuts the fetch's sockets down when time is up, which
wakes any blocked read; the fetcher then reports a timeout.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any


class Deadline:
    """Time left for one fetch, plus a watchdog over the sockets it opens."""

    def __init__(self, seconds: float) -> None:
        self._expires_at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._fired = False
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.0, self._expires_at - time.monotonic())

    def expired(self) -> bool:
        return self._fired or time.monotonic() >= self._expires_at

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore `trace` extension hook: remember each socket as soon as it is connected."""
        if not event.endswith(("connect_tcp.complete", "start_tls.complete")):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
                fired = self._fired
            if fired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def __enter__(self) -> Deadline:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cancel()

    def _fire(self) -> None:
        with self._lock:
            self._fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The base-class call also works on an SSLSocket, without tearing down its TLS state
    # under the feet of the thread that is reading from it. OSError: already closed.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
