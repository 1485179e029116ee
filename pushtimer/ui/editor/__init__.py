"""The plan editor (docs/plan-format.md, "The plan editor")."""
