"""Dialogs; each exposes ``get_data(parent, …) -> (data, accepted)`` for tests."""
