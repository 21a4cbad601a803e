import sys

from bot.cli import main

if __name__ == "__main__":  # link workers import this module as __mp_main__: no second bot
    sys.exit(main())
