"""Command line: `python -m causepages check | generate DIR | schema`.

`check` reports every problem `make build` would, without building; `generate` writes every
page to a folder, so the same data can feed another site generator; `schema` rewrites the
JSON Schemas that editors use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from . import DataError, PdfBuild, PdfWorkers, check_site, site_outputs
from .schema.export import schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m causepages")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder")
    parser.add_argument(
        "--site-url",
        default="https://example.org/",
        help="where the site is published; the checklist PDFs link back to it",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="the hand-written pages (default: docs beside the data folder); the guides of "
        "data/pages.yaml are read from here",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parser.add_argument(
        "--pdf-cache",
        type=Path,
        default=Path(os.environ.get("PDF_CACHE", ".cache/checklist-pdfs")),
        help="where checklist PDFs are kept between runs, so unchanged ones are not remade "
        "(default: $PDF_CACHE, or .cache/checklist-pdfs)",
    )
    commands.add_parser(
        "check", help="make everything as `generate` does, write nothing, and list every problem"
    )
    generate = commands.add_parser("generate", help="write every generated page to a folder")
    generate.add_argument("out", type=Path)
    commands.add_parser("schema", help="rewrite the JSON Schemas in the data folder's schema/")
    args = parser.parse_args(argv)

    if args.command == "schema":
        for path, text in schemas(args.data / "schema").items():
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        return 0
    if not args.data.is_dir():
        print(f"No data folder at {args.data}: run this from the project folder, or pass --data")
        return 1
    docs = args.docs or args.data.resolve().parent / "docs"
    try:
        site, house_rule_problems = check_site(args.data, dt.date.today(), os.environ, docs)
        if house_rule_problems:
            raise DataError(house_rule_problems)
        with PdfWorkers() as workers:
            pdfs = PdfBuild(args.pdf_cache, workers, site.locate)
            outputs = site_outputs(site, args.site_url, pdfs, docs)
            pdfs.wait()
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{args.data}: no problems ({len(site.causes)} causes, {len(outputs)} files)")
        return 0
    for output in outputs:
        output.write_to(args.out)
    print(f"wrote {len(outputs)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
