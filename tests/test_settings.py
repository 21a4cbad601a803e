"""config/.env.example documents every setting, and every line it has is a real setting."""

import re
from pathlib import Path

from bot.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / ".env.example"


def documented() -> dict[str, str]:
    pairs = re.findall(r"^([A-Z_]+)=(.*)$", EXAMPLE.read_text(), re.MULTILINE)
    return dict(pairs)


def test_every_setting_is_documented_and_nothing_else():
    assert set(documented()) == {name.upper() for name in Settings.model_fields}


def test_the_example_file_loads_to_the_defaults():
    from_file = Settings(_env_file=str(EXAMPLE))  # type: ignore[call-arg]
    assert from_file.model_dump() == Settings(_env_file=None).model_dump()  # type: ignore[call-arg]
