"""Whole commercial analyses read from JSON (quote with its checks, client risk) for the CLI."""
