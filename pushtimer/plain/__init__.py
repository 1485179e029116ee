"""Plain line mode: a session with no full screen, one line per segment and cue.

``session.py`` runs a session on a stream and stdin's keys; ``launch.py`` starts one from
the command line (sound, history, signals). Never imports Textual or Rich.
"""

from pushtimer.plain.session import PlainSession, stamp

__all__ = ["PlainSession", "stamp"]
