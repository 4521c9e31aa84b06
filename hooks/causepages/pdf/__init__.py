"""The checklist PDFs: their documents, the Typst compile, and the cache that keeps them."""
