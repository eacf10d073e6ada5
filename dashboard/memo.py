"""Results kept per object: for work on the charts and tables the caches share, which are
never changed after they are built, so the same object always gives the same result
(describing a figure, laying it out for a screen, finding the API query of a table); and
results as a shared cache keeps them (`settled`)."""

from __future__ import annotations

import dataclasses
import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

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


def settled(result: R) -> R:
    """`result`, with the pandas objects in it (frames, series, indexes, in tuples, lists,
    dicts and dataclasses) rid of their dead references: what a shared cache keeps. Under
    copy-on-write pandas lists, beside each block of values, a weak reference to every
    frame derived from it, and drops the dead ones only once a list passes 500; a cached
    result kept those of all the intermediate frames it was built through (6,400 in one
    language's views), each an object the server's cyclic collector walks on every full
    collection. `has_reference` is pandas' own call that prunes a list (it runs on every
    write to a frame); blocks are reached through `_mgr`, pandas' private attribute (tests
    catch a change)."""
    if isinstance(result, (pd.DataFrame, pd.Series)):
        for block in result._mgr.blocks:  # noqa: SLF001 (see above)
            block.refs.has_reference()
        for axis in result.axes:
            settled(axis)
    elif isinstance(result, pd.Index):
        references = getattr(result, "_references", None)  # noqa: SLF001 (see above)
        if references is not None:
            references.has_reference()
    elif isinstance(result, (tuple, list)):
        for item in result:
            settled(item)
    elif isinstance(result, dict):
        for item in result.values():
            settled(item)
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        for field in dataclasses.fields(result):
            settled(getattr(result, field.name))
    return result
