"""Reading the data folder: YAML files into models, every problem with its file and line."""
