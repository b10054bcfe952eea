"""Widgets of the explorer: one file per view."""
