"""Browser mode: the same app served to a browser tab through textual-serve (the optional
``serve`` extra). See docs/architecture.md, "Browser mode"."""
