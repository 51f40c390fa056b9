"""Operations on an open project, shared by the CLI and the GUI.

Each function takes a :class:`~app.core.store.ProjectStore`, does one user
action in one transaction, and returns plain data; no caller writes SQL.
"""
