"""SocialDesk core: store, ingestion, scoring and read models. No Qt, no network."""

__version__ = "0.1.0"
