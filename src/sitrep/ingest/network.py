"""The fetcher's sockets: connect only to checked addresses, finish within one deadline.

httpx resolves a host name again when it connects, after sitrep has checked it: a DNS server
that answers a public address to the check and ``127.0.0.1`` to the connection (DNS
rebinding) would slip past the private-address guard. And its timeouts apply to each read, so
a server sending its headers one byte a second is never timed out. Both are closed here, in
the network backend httpx's connection pool calls:

    - ``GuardedBackend.connect_tcp`` resolves the host once, refuses it when any address is
      private, loopback, link-local, reserved or multicast (unless allowed), and connects to
      exactly the addresses it checked;
    - every socket operation waits at most until ``Deadline.at``, the moment the current
      exchange (connect, TLS, request, headers and body together) must be over.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):  # noqa: N818 - a refusal, reported by the fetcher as E120
    """The host resolves to an address the guard refuses (or to none at all)."""

    def __init__(self, host: str, detail: str, refused: bool = True) -> None:
        super().__init__(f"{host}: {detail}")
        self.host = host
        self.detail = detail
        self.refused = refused
        """False when the host does not resolve at all (a plain request failure)."""


def is_public_address(ip: IPAddress) -> bool:
    """Whether an address is on the public internet, and so safe to fetch from.

    Args:
        ip: the resolved address.

    Returns:
        False for private, loopback, link-local, reserved, multicast and unspecified addresses,
        including IPv4 addresses embedded in IPv6 (mapped or 6to4).
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return is_public_address(embedded)
    blocked = (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
               or ip.is_multicast or ip.is_unspecified)
    return ip.is_global and not blocked


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order.

    Raises:
        AddressRefused: with ``refused`` False when the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise AddressRefused(host, f"cannot resolve: {exc}", refused=False) from None
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


@dataclass
class Deadline:
    """When the exchange in progress must be over (``time.monotonic``); None: no limit."""

    at: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        """The socket timeout to use now: ``timeout``, cut to what is left of the deadline.

        Raises:
            socket.timeout: when the deadline has passed.
        """
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request took longer than its deadline")
        return left if timeout is None else min(timeout, left)


@dataclass
class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that applies the address guard and the deadline.

    Args:
        allow_private: connect to any address.
        allowed_hosts: host names (or literal addresses) exempt from the guard.
        deadline: shared with the fetcher, which sets it before each exchange.
    """

    allow_private: bool = False
    allowed_hosts: frozenset[str] = frozenset()
    deadline: Deadline = field(default_factory=Deadline)
    _inner: httpcore.SyncBackend = field(default_factory=httpcore.SyncBackend)

    def checked_addresses(self, host: str, port: int) -> list[IPAddress]:
        """The addresses to connect to for ``host``, all of them allowed.

        Raises:
            AddressRefused: when one of them is private and the host is not allowed, or the
                host does not resolve.
        """
        addresses = resolve(host, port)
        if self.allow_private or host.lower().strip("[]") in self.allowed_hosts:
            return addresses
        for ip in addresses:
            if not is_public_address(ip):
                raise AddressRefused(host, f"{host} resolves to {ip}")
        return addresses

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        addresses = self.checked_addresses(host, port)
        last: Exception | None = None
        for ip in addresses:
            try:
                with _mapped(httpcore.ConnectTimeout):
                    wait = self.deadline.remaining(timeout)
                stream = self._inner.connect_tcp(str(ip), port, wait, local_address,
                                                 socket_options)
                return DeadlineStream(stream, self.deadline)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address to connect to for {host}")


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every wait ends at the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _mapped(httpcore.ReadTimeout):
            wait = self._deadline.remaining(timeout)
        return self._inner.read(max_bytes, wait)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _mapped(httpcore.WriteTimeout):
            wait = self._deadline.remaining(timeout)
        self._inner.write(buffer, wait)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        with _mapped(httpcore.ConnectTimeout):
            wait = self._deadline.remaining(timeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, wait),
                              self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _mapped:  # noqa: N801 - used as a context manager, like httpcore's map_exceptions
    """Turn a passed deadline into the httpcore timeout httpx maps for the fetcher."""

    def __init__(self, kind: type[Exception]) -> None:
        self.kind = kind

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        if isinstance(exc, TimeoutError):
            raise self.kind(str(exc)) from None
