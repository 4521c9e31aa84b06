"""The checklist PDFs of a build: each taken from the cache, or compiled into it by workers.

A PDF's name in the cache is a hash of everything that goes into it: its document's data,
the template and fonts, the Typst version and SOURCE_DATE_EPOCH. So an unchanged checklist is
never compiled twice, and a PDF from the cache has the very bytes a new compile would give.

Typst keeps Python's global lock while it compiles, so threads would only take turns: the PDFs
are compiled in worker processes, while the build goes on with the pages.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import site
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from types import TracebackType

import typst

from ..problems import DataError, Problem
from .documents import PDF_DIR, PDF_STANDARD, Document, compile_pdf, compiler, document_data
from .documents import explain as explain_error

# Part of every key: change it when what a key covers changes, and every PDF is made anew.
CACHE_FORMAT = "1"


class PdfWorkers:
    """Processes that compile PDFs: started when first needed and kept until `close()`, so
    `mkdocs serve` starts them once, not on every save. Each is a new Python process, so a
    script that uses them must do its work under `if __name__ == "__main__":`."""

    def __init__(self, count: int | None = None) -> None:
        # One fewer than the cores this process may use: the build keeps one busy meanwhile.
        self.count = count or max(1, _cores() - 1)
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, data: str, target: Path, timestamp: int | None) -> Future[str | None]:
        """Compile document_data() `data` into the file target; the future gives None, or
        Typst's error message."""
        if self._pool is None:
            # A new interpreter, not a fork: `mkdocs serve` runs threads, which fork can break.
            # MkDocs puts the hooks folder on the path only while it loads the hook, so each
            # worker is told where this package is.
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=site.addsitedir,
                initargs=(str(Path(__file__).parents[2]),),
            )
        return self._pool.submit(_compile_into, data, str(target), timestamp)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PdfWorkers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _cores() -> int:
    """Cores this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):  # not on macOS or Windows
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_compiler: typst.Compiler | None = None


def _compile_into(data: str, target: str, timestamp: int | None) -> str | None:
    """In a worker: compile one PDF into target, which appears whole or not at all."""
    global _compiler
    if _compiler is None:
        _compiler = compiler()
        threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    try:
        pdf = compile_pdf(_compiler, data, timestamp)
    except typst.TypstError as error:
        return str(error)
    partial = Path(f"{target}.{os.getpid()}.part")
    partial.write_bytes(pdf)
    partial.replace(target)
    return None


def _exit_with(parent: int) -> None:
    """End this worker once the build that started it has gone. A worker holds both ends of
    its task queue, so it would never see the queue close: a build stopped by a signal (as
    `mkdocs serve` is by SIGTERM) would leave it running."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


class PdfBuild:
    """The PDFs of one build, in a cache folder.

    `add()` gives each document's file in the cache at once, and starts compiling the ones
    not there yet; `wait()` returns when every file is there. `locate` names a problem by its
    file and line in the data folder in use (`Site.locate`).
    """

    def __init__(
        self,
        cache_dir: Path,
        workers: PdfWorkers,
        locate: Callable[[Problem], Problem] = lambda problem: problem,
    ) -> None:
        self.cache_dir = cache_dir
        self.workers = workers
        self.locate = locate
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        self.timestamp = int(epoch) if epoch else None
        self._inputs = _inputs_digest(epoch or "")
        self._used: dict[Path, None] = {}
        self._compiling: list[tuple[Document, Future[str | None]]] = []

    def add(self, document: Document) -> Path:
        """The file that holds document's PDF once `wait()` has returned."""
        data = document_data(document)
        key = hashlib.sha256(self._inputs + data.encode()).hexdigest()
        path = self.cache_dir / f"{key}.pdf"
        if path not in self._used and not path.is_file():
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            self._compiling.append((document, self.workers.submit(data, path, self.timestamp)))
        self._used[path] = None
        return path

    @property
    def summary(self) -> str:
        compiled = len(self._compiling)
        return f"Checklist PDFs: {len(self._used) - compiled} from the cache, {compiled} compiled"

    def wait(self) -> None:
        """Wait for the compiles; raise DataError naming the file and field of every document
        that cannot be printed. Then drop what the cache no longer needs."""
        problems = [
            self.locate(explain_error(message, document))
            for document, future in self._compiling
            if (message := future.result()) is not None
        ]
        if problems:
            # A cause's problem shows in its own PDF and in the one with every checklist.
            raise DataError(list(dict.fromkeys(problems)))
        self._prune()

    def _prune(self) -> None:
        """Keep this build's PDFs and, newest first, as many bytes again of others (so a
        second data set, or the last version of each edited cause, stays ready)."""
        for path in self._used:
            os.utime(path)
        others = sorted(
            (path for path in self.cache_dir.glob("*.pdf") if path not in self._used),
            key=lambda path: path.stat().st_mtime,
            reverse=True,
        )
        room = sum(path.stat().st_size for path in self._used)
        for path in others:
            room -= path.stat().st_size
            if room < 0:
                path.unlink(missing_ok=True)


def _inputs_digest(epoch: str) -> bytes:
    """What every PDF of a build shares: the template folder (template and fonts), the Typst
    version, the PDF standard and SOURCE_DATE_EPOCH."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{version('typst')}\0{PDF_STANDARD}\0{epoch}".encode())
    for file in sorted(path for path in PDF_DIR.rglob("*") if path.is_file()):
        digest.update(f"\0{file.relative_to(PDF_DIR).as_posix()}\0".encode())
        digest.update(file.read_bytes())
    return digest.digest()
