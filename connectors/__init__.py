"""Network adapters (X through tweepy, Reddit through praw).

Each adapter turns an API's payloads into the core's ``IncomingMessage`` and
registers itself under the entry-point group ``socialdesk.connectors``. The
adapters themselves arrive with the Connectors issue.
"""
