"""The live session: the timeline of a workout, and (later) the engine that runs it.

Never imports the UI toolkit.
"""
