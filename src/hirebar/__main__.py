"""``python -m hirebar`` runs the same command as ``hirebar``."""

from hirebar.cli.app import app

if __name__ == "__main__":
    app()
