"""Entry point for ``python -m app`` and the ``rejoinder`` gui-script."""

import sys

from app.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
