"""Sound cues: the WAV files, the backends that play them, and which event sounds how.

Never imports Textual or Rich; a front end passes in how to ring the terminal bell.
"""

# ``--sound`` choices; here so the command line can offer them without loading the backends.
SOUND_CHOICES = ("auto", "simpleaudio", "player", "bell", "off")
