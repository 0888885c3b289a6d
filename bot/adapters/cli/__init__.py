"""The CLI adapter: ``python -m bot <command> ... --json`` prints the exact Discord payload, ``--answer`` the
structured answer. Same flows as Discord and the console."""
