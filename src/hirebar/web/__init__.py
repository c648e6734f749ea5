"""The web adapter (FastAPI + Jinja2 + HTMX): every page has a JSON twin under /api/v1."""
