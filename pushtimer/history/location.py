"""The history's file name in its folder: known without loading SQLite, so a command that
only wants to know whether there is a history stays quick."""

DB_NAME = "history.sqlite3"
