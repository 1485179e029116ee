"""pushtimer: a terminal workout timer guided by a TOML plan."""

__version__ = "0.1.0"
