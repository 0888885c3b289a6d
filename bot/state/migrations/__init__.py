"""The numbered SQL migrations of the state database, the same files on SQLite and PostgreSQL."""
