"""The Textual app: plan picker, live workout screen, summary, and their keys.

It only renders engine state and forwards keys to engine operations; all timing lives in
``pushtimer.session``.
"""
