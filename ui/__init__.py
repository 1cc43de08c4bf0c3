"""The PySide6 desktop app. Depends on the core; the core never imports it."""
