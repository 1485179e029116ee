"""The live session: a workout laid out as a timeline, the engine that runs it against a
clock, what a screen reads off it, and the operations both front ends use
(docs/architecture.md).

Never imports the UI toolkit.
"""
