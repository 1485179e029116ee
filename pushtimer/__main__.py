"""Lets ``python -m pushtimer`` behave like the ``pushtimer`` command."""

from pushtimer.cli import main

if __name__ == "__main__":
    main()
