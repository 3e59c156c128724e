"""Analysis outputs: export of computed distributions to files other tools read."""
