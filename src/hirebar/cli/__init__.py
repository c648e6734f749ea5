"""The terminal adapter (Typer + Rich): parse input, call a service, render."""
