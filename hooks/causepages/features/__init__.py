"""Each reader feature in a module of its own: Site in, its pages and files out."""
