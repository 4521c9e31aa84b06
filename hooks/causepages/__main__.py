"""Command line: `python -m causepages generate DIR` or `python -m causepages schema`.

`generate` writes every planned page to a folder, so the same data can feed another
site generator; `schema` rewrites the JSON Schemas that editors use.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import DataError, PdfBuild, PdfWorkers, check_publishing, load_site, plan
from .schema import SCHEMA_DIR, schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m causepages")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder")
    parser.add_argument(
        "--site-url",
        default="https://example.org/",
        help="where the site is published; the checklist PDFs link back to it",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="write every generated page to a folder")
    generate.add_argument("out", type=Path)
    generate.add_argument(
        "--pdf-cache",
        type=Path,
        default=Path(os.environ.get("PDF_CACHE", ".cache/checklist-pdfs")),
        help="where checklist PDFs are kept between runs, so unchanged ones are not remade "
        "(default: $PDF_CACHE, or .cache/checklist-pdfs)",
    )
    generate.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        help="the hand-written pages; the guides of data/pages.yaml are read from here",
    )
    commands.add_parser("schema", help=f"rewrite the JSON Schemas in {SCHEMA_DIR}")
    args = parser.parse_args(argv)

    if args.command == "schema":
        for path, text in schemas().items():
            Path(path).write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        return 0
    try:
        site = load_site(args.data)
        check_publishing(site, os.environ)
        with PdfWorkers() as workers:
            pdfs = PdfBuild(args.pdf_cache, workers, site.locate)
            outputs = plan(site, args.site_url, pdfs, args.docs)
            pdfs.wait()
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for output in outputs:
        output.write_to(args.out)
    print(f"wrote {len(outputs)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
