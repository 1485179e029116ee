"""The settings file (config.toml): its model, finding and reading it, what `pushtimer config`
shows and writes, and the quick set used last. Never imports the UI toolkit."""
