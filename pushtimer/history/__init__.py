"""What was done, kept for good: a SQLite store, the recorder that fills it as a session
runs, and the reading of it (the history table, streaks, the next workout due).

Never imports Textual or Rich.
"""
