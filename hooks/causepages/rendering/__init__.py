"""Turning records into Markdown pages, with every value escaped on its way in."""
