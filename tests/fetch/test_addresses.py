"""The address policy on its own: spellings, forbidden ranges, allowlist and ports."""

from __future__ import annotations

import ipaddress

import pytest

from bot.fetch import BlockedAddress, DnsFailure, InvalidUrl
from bot.fetch.addresses import AddressPolicy, is_forbidden_address, parse_ip_literal


@pytest.mark.parametrize("spelling, address", [
    ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("0177.0.0.01", "127.0.0.1"),
    ("0x7F.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("10.1", "10.0.0.1"),
    ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("::1", "::1"), ("8.8.8.8.", "8.8.8.8"),
])
def test_ip_literals_are_read_in_every_spelling(spelling: str, address: str) -> None:
    assert parse_ip_literal(spelling) == ipaddress.ip_address(address)


@pytest.mark.parametrize("host", ["example.com", "cafe.be", "1.2.3.4.5", "0xZZ", "deadbeef"])
def test_host_names_are_not_mistaken_for_addresses(host: str) -> None:
    assert parse_ip_literal(host) is None


@pytest.mark.parametrize("address, forbidden", [
    ("93.184.216.34", False), ("2606:2800:220:1:248:1893:25c8:1946", False),
    ("127.0.0.1", True), ("10.0.0.1", True), ("172.16.5.4", True), ("192.168.1.1", True),
    ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("224.0.0.1", True),
    ("240.0.0.1", True), ("255.255.255.255", True), ("::", True), ("::1", True),
    ("fe80::1", True), ("fc00::1", True), ("ff02::1", True), ("::ffff:127.0.0.1", True),
    ("::ffff:93.184.216.34", False), ("64:ff9b::10.0.0.1", True), ("2002:c0a8:101::", True),
    # Issue 17.10: the old site-local range, fec0::/10, as Python calls it global.
    ("fec0::1", True), ("fec0:1234::5", True), ("feff:ffff::1", True),
])
def test_forbidden_addresses(address: str, forbidden: bool) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address)) is forbidden


def test_allowlist_accepts_hosts_addresses_and_ranges_on_any_port() -> None:
    policy = AddressPolicy(["intranet.test", "10.0.0.0/8", "::1"], set(),
                           resolver=lambda host, port: ["10.1.2.3"])
    assert policy.pin_address("intranet.test", 8080) == "10.1.2.3"
    assert policy.pin_address("wiki.corp", 9000) == "10.1.2.3"
    assert policy.pin_address("::1", 3000) == "::1"
    assert policy.pin_address("::ffff:10.9.9.9", 81) == "::ffff:a09:909"
    with pytest.raises(BlockedAddress):
        policy.pin_address("127.0.0.1", 80)


def test_ports_besides_80_and_443_need_fetch_allowed_ports() -> None:
    public = AddressPolicy([], set(), resolver=lambda host, port: ["93.184.216.34"])
    assert public.pin_address("example.com", 443) == "93.184.216.34"
    with pytest.raises(InvalidUrl, match="8443"):
        public.pin_address("example.com", 8443)
    extra = AddressPolicy([], {8443}, resolver=lambda host, port: ["93.184.216.34"])
    assert extra.pin_address("example.com", 8443) == "93.184.216.34"


def test_resolver_failures_are_dns_failures() -> None:
    def broken(host: str, port: int) -> list[str]:
        raise OSError("no route")

    for resolver in (broken, lambda host, port: [], lambda host, port: ["garbage"]):
        with pytest.raises(DnsFailure):
            AddressPolicy([], set(), resolver=resolver).pin_address("example.com", 80)
