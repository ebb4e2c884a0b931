"""See the package docstring in CONTRIBUTING.md."""
