"""How far long work has got, said on stderr the same way by every command that takes minutes (the
build, ``build --add``, the views, the benchmark): on a terminal a tqdm bar with counts, rate and
time left; elsewhere (a log, CI), where a bar would be noise, one line per stage with its time;
nothing at all for scripts (``quiet``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

from tqdm import tqdm


@dataclass(frozen=True)
class Progress:
    """The progress of one command; ``command`` opens its lines (``policykg build: store done in 2.1 s``)."""

    command: str
    quiet: bool = False

    @property
    def on_terminal(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    def bar(self, total: int, desc: str, unit: str) -> tqdm[NoReturn]:
        """A bar over ``total`` things, drawn on a terminal only (a disabled bar costs nothing)."""
        return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=not self.on_terminal)

    def done(self, stage: str, clock: float) -> float:
        """The seconds since ``clock`` (a ``time.perf_counter()``), said in a line off a terminal."""
        seconds = time.perf_counter() - clock
        if not self.quiet and not sys.stderr.isatty():
            print(f"{self.command}: {stage} done in {seconds:.1f} s", file=sys.stderr, flush=True)
        return seconds

    @contextmanager
    def stage(self, name: str, steps: tqdm[NoReturn] | None = None) -> Iterator[None]:
        """A stage of the work, said when done; ``steps``, a bar that counts the stages, names the
        stage under way and counts it when done."""
        if steps is not None:
            steps.set_postfix_str(name)
        clock = time.perf_counter()
        yield
        self.done(name, clock)
        if steps is not None:
            steps.update()


SILENT = Progress("", quiet=True)  # for callers that want no progress (tests, the API)
