"""compareapp: compare versions of a news story side by side."""

__version__ = "0.1.0"
