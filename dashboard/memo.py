"""Results kept per object: for work on the charts and tables the caches share, which are
never changed after they are built, so the same object always gives the same result
(describing a figure, laying it out for a screen, finding the API query of a table)."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")


def per_object(function: Callable[..., R]) -> Callable[..., R]:
    """`function(obj, *args)` computed once per object and arguments. Keyed by the object's
    id, with a weak reference that checks it is the same object and drops the result when
    the object goes (an id may be reused by a later object)."""
    results: dict[tuple, tuple[weakref.ref, R]] = {}

    @functools.wraps(function)
    def once(obj, *args):
        key = (id(obj), *args)
        known = results.get(key)
        if known and known[0]() is obj:
            return known[1]
        result = function(obj, *args)
        results[key] = (weakref.ref(obj, lambda _: results.pop(key, None)), result)
        return result

    return once
