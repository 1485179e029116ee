"""The pieces of the workout screen, each redrawn only when what it shows changes."""
