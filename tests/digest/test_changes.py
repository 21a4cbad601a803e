"""The closing lines: an actor's stated position changed, or a new dispute appeared, since
the previous digest's snapshot."""

from __future__ import annotations

from datetime import timedelta

from bot.briefing.model import Dispute
from bot.digest.changes import Snapshot, change_lines, position_change
from bot.digest.composer import CHANGES_HEADING, build_digest
from bot.digest.state import LAST_KEY, last_digest, record_digest
from tests.digest import texts
from tests.digest.conftest import CHANNEL, NOW, PLATFORM, WORKSPACE, share

MINISTER = "Ed Miliband"  # "Energy Secretary" is his title


def digest_now(services):
    return build_digest(services.store, services.settings, PLATFORM, WORKSPACE, CHANNEL, services.clock())


def post(services, digest):
    record_digest(services.store, PLATFORM, WORKSPACE, CHANNEL, services.clock(),
                  digest.snapshot)


def closing(reply):
    return next((s.bullets for s in reply.sections if s.heading == CHANGES_HEADING), ())


def test_position_change_and_new_dispute_since_the_last_digest(services, clock):
    share(services, "Energy bills to fall in April", texts.ENERGY_BILLS,
          "https://example.news/energy-bills", "Example News", at=NOW - timedelta(hours=1))
    first = digest_now(services)
    assert closing(first.reply) == ()  # a first digest has nothing to compare with
    post(services, first)
    stored_at, snapshot = last_digest(services.store.channel_settings(PLATFORM, WORKSPACE,
                                                                      CHANNEL))
    assert stored_at == NOW and MINISTER in snapshot.positions
    # The suppliers' justification ("pointing to fixed deals ...") is not part of the claim.
    assert snapshot.disputes == ("they had been slow to cut prices",)

    clock.advance(hours=24)
    share(services, "Miliband to cap standing charges", texts.ENERGY_BILLS_LATER,
          "https://example.news/standing-charges", "Example News", at=clock.now)
    lines = closing(digest_now(services).reply)
    assert len(lines) == 2
    assert lines[0].startswith(f"{MINISTER} changed position: now “suppliers had refused to "
                               "pass on lower wholesale costs")
    assert "(last digest: “the government would press suppliers" in lines[0]
    assert lines[1] == ("New dispute: Ofgem disputes “it had delayed the review to protect "
                        "the profits of large suppliers”")


def test_the_same_stories_again_change_nothing(services, clock):
    share(services, "Energy bills to fall in April", texts.ENERGY_BILLS,
          "https://example.news/energy-bills", "Example News")
    post(services, digest_now(services))
    clock.advance(hours=1)
    assert closing(digest_now(services).reply) == ()


def test_a_snapshot_survives_json_and_tolerates_junk(services):
    snapshot = Snapshot({"Ofgem": ("bills would fall",)}, ("prices were slow to fall",))
    assert Snapshot.from_json(snapshot.to_json()) == snapshot
    assert Snapshot.from_json({"positions": "junk", "disputes": 3}) == Snapshot()
    services.store.update_channel_settings(PLATFORM, WORKSPACE, CHANNEL,
                                           extra={LAST_KEY: {"at": "yesterday"}})
    assert last_digest(services.store.channel_settings(PLATFORM, WORKSPACE, CHANNEL)) == \
        (None, None)


def test_position_change_is_strict():
    before = ("the government would press suppliers to pass on lower costs quickly",)
    assert position_change(before, ("the government would press suppliers to pass on "
                                    "lower costs",)) is None  # restated
    assert position_change(before, ("the wind farm would power two million homes",)) is None
    reversed_ = ("the government would not press suppliers to pass on lower costs",)
    assert position_change(before, reversed_) == (reversed_[0], before[0])


def test_known_disputes_are_not_new():
    previous = Snapshot({}, ("port charges would rise by next spring",))
    known = Dispute("port charges would rise by spring", (), ("Chamber of Shipping",), ())
    fresh = Dispute("the deal was affordable", (), ("Chamber of Shipping",), ())
    lines = change_lines(previous, Snapshot(), [known, fresh])
    assert lines == ["New dispute: Chamber of Shipping disputes “the deal was affordable”"]
