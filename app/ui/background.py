"""A cancellable asyncio task that runs beside a widget's main work, such as a model list load."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class BackgroundTask:
    """At most one running task for one purpose; starting it again cancels the running one.

    An exception other than cancellation goes to the loop's exception handler, which the
    window's ErrorReporter logs and shows. ``on_done`` runs after every finish, cancellation
    included, so that the owner can update buttons.
    """

    def __init__(self, description: str, on_done: Callable[[], None] | None = None) -> None:
        self.description = description
        self._on_done = on_done
        self.task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        # The task counts as running until its done callback has run, so that a caller who
        # finds it stopped also finds what ``on_done`` changed.
        return self.task is not None

    def start(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        self.cancel()
        task = asyncio.get_event_loop().create_task(coroutine)
        task.add_done_callback(self._finished)
        self.task = task
        return task

    def cancel(self) -> asyncio.Task[None] | None:
        """Cancel the running task and return it, or return None when nothing runs."""
        task = self.task
        if task is None or task.done():
            return None
        task.cancel()
        self.task = None
        logger.info("%s cancelled", self.description)
        return task

    def _finished(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            task.get_loop().call_exception_handler(
                {
                    "message": f"{self.description} failed",
                    "exception": task.exception(),
                    "task": task,
                }
            )
        if self.task is task:
            self.task = None
        if self._on_done is not None:
            self._on_done()
