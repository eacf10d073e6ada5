"""The server's connections: small writes sent at once."""

from __future__ import annotations

import contextlib
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


def send_small_writes_at_once() -> None:
    """Turns Nagle's algorithm off on every connection the server accepts.

    Streamlit binds its listening socket itself, created without a protocol number, so the
    connections it accepts report protocol 0; asyncio turns Nagle's algorithm off only on
    sockets that report TCP, and leaves it on here (uvicorn#3149 describes the same for
    uvicorn's own pre-bound sockets). A response written in two parts, headers then body,
    then waits for the browser's delayed acknowledgement, about 40 ms on Linux, on every
    keep-alive connection: a first visit's 60 small scripts took 0.5 s over the browser's
    six connections, before the page could start. uvicorn's HTTP protocol (the one it picks,
    `AutoHTTPProtocol`) sets TCP_NODELAY on each connection it is given; websockets start
    as one of them."""
    made = AutoHTTPProtocol.connection_made
    if getattr(made, "sends_at_once", False):
        return

    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):  # closed by the client already
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        made(self, transport)

    connection_made.sends_at_once = True
    AutoHTTPProtocol.connection_made = connection_made
