"""The coach: targets that grow from the history, records, and what to do next.

Headless (no UI toolkit): a pure function of a plan and the sessions of its history.
The rules are in docs/plan-format.md ("Progress") and docs/architecture.md ("Coach").
"""
