"""pushtimer: a terminal workout timer guided by a TOML plan."""

__version__ = "0.2.0.dev0"  # the next release: see CHANGELOG.md, "Unreleased"
