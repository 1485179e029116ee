"""The console script's entry point, and ``python -m pushtimer``."""

from pushtimer.startup import hold_collection


def main() -> None:
    """Run the command line, with garbage collection held until the app is up."""
    hold_collection()
    from pushtimer.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
