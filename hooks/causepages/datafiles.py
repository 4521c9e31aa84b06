"""The data files, by the name a writer sees in a message (under a data folder called data/).

A problem found after loading names its file this way; `Site.locate` puts it in the data
folder in use, with its line.
"""

SOURCES_FILE = "data/sources.yaml"
CAUTIONS_FILE = "data/cautions.yaml"
SIGNS_FILE = "data/warning_signs.yaml"
PAGES_FILE = "data/pages.yaml"
CHECKER_FILE = "data/checker.yaml"
GLOSSARY_FILE = "data/glossary.yaml"
CAUSES_FOLDER = "data/causes"


def cause_file(cause_id: str) -> str:
    return f"{CAUSES_FOLDER}/{cause_id}.yaml"
