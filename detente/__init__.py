"""detente: political event data from news articles, with evidence."""

__version__ = "0.1.0"
