"""Which hosts, addresses and ports the bot may connect to: the SSRF guard.

The policy resolves a host once and hands back the address it checked, so that the
connection goes to that address and a second DNS answer (rebinding) cannot sneak in.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable

from bot.fetch.errors import BlockedAddress, DnsFailure, InvalidUrl

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# (host, port) -> addresses as strings. Injected in tests to fake DNS answers.
Resolver = Callable[[str, int], list[str]]

STANDARD_PORTS = frozenset({80, 443})
_NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")
# Old BSD spellings that inet_aton and getaddrinfo accept: 2130706433, 0x7f.1, 0177.0.0.1, 127.1
_LEGACY_IPV4_RE = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


def system_resolver(host: str, port: int) -> list[str]:
    """Addresses of `host` from the operating system, in its order of preference."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise DnsFailure(f"couldn't find the site {host} (DNS lookup failed)") from error
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a host string spells, in any notation a resolver would accept, else None."""
    host = host.strip().strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _LEGACY_IPV4_RE.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_forbidden_address(address: IPAddress) -> bool:
    """Loopback, private, link-local, multicast, reserved, unspecified or otherwise not public.

    IPv6 forms that carry an IPv4 address (mapped, 6to4, Teredo, NAT64) are judged by it too.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:  # ::ffff:a.b.c.d *is* a.b.c.d on the wire
            return is_forbidden_address(address.ipv4_mapped)
        embedded = address.sixtofour
        if embedded is None and address.teredo:
            embedded = address.teredo[1]
        if embedded is None and address in _NAT64_PREFIX:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None and is_forbidden_address(embedded):
            return True
        if address.is_site_local:  # fec0::/10: deprecated, but routers may still honour it
            return True
    return (
        address.is_loopback or address.is_private or address.is_link_local
        or address.is_multicast or address.is_reserved or address.is_unspecified
        or not address.is_global
    )


class AddressPolicy:
    """Decides where a request may go, from `FETCH_ALLOWLIST` and `FETCH_ALLOWED_PORTS`."""

    def __init__(
        self, allowlist: list[str], extra_ports: set[int], resolver: Resolver | None = None,
    ) -> None:
        self._resolver = resolver or system_resolver
        self._ports = STANDARD_PORTS | extra_ports
        self._allowed_hosts: set[str] = set()
        self._allowed_networks: list[IPNetwork] = []
        for entry in allowlist:
            try:
                self._allowed_networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self._allowed_hosts.add(entry.strip().rstrip(".").lower())

    def pin_address(self, host: str, port: int) -> str:
        """Resolve `host`, check every address it has, and return the one to connect to.

        An allowlisted host or address may use any port; everything else must be a public
        address on 80, 443 or an explicitly allowed port.
        """
        literal = parse_ip_literal(host)
        addresses = [literal] if literal is not None else self._resolve(host, port)
        host_allowed = host.lower() in self._allowed_hosts
        for address in addresses:
            if host_allowed or self._is_allowlisted(address):
                continue
            if is_forbidden_address(address):
                raise BlockedAddress(
                    f"{host} points to a private or local network address, so the bot won't open it"
                )
            if port not in self._ports:
                raise InvalidUrl(f"links to port {port} are not allowed")
        return str(addresses[0])

    def _resolve(self, host: str, port: int) -> list[IPAddress]:
        addresses: list[IPAddress] = []
        try:
            answers = self._resolver(host, port)
        except OSError as error:
            raise DnsFailure(f"couldn't find the site {host} (DNS lookup failed)") from error
        for answer in answers:
            parsed = parse_ip_literal(answer)
            if parsed is not None:
                addresses.append(parsed)
        if not addresses:
            raise DnsFailure(f"couldn't find the site {host} (DNS lookup failed)")
        return addresses

    def _is_allowlisted(self, address: IPAddress) -> bool:
        candidates: list[IPAddress] = [address]
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            candidates.append(address.ipv4_mapped)
        return any(
            candidate.version == network.version and candidate in network
            for candidate in candidates
            for network in self._allowed_networks
        )
