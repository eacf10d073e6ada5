"""Parsing numbers from files that mangled them.

RSF's files lost the decimal separator (and trailing zeros) in several
editions: `9265` is 92.65, `541` is 54.1, `41` is 41. Each such digit string
has a few readings; the rank column in the same file decides which one is
meant, because scores must order exactly as the ranks do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

DEFAULT_DECIMALS = 2
_DIGITS = re.compile(r"-?\d+")


class AmbiguousNumbers(ValueError):
    """No reading of the values is consistent with the ranks; `position` is the first misfit."""

    def __init__(self, position: int, message: str):
        self.position = position
        super().__init__(message)


def parse_decimal_comma(text: str) -> float | None:
    """`34,5` → 34.5; blank → None."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(Decimal(text.replace(",", ".")))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def readings(
    text: str, lower: float, upper: float, max_decimals: int = DEFAULT_DECIMALS
) -> list[float]:
    """Every value `text` can stand for, fewest implied decimals first.

    A value with a separator has one reading. A bare digit string may have lost
    a separator before its last one or two digits, but never a trailing zero
    (RSF wrote 54.10 as 54,1, so `540` cannot be 5.40).
    """
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        value = parse_decimal_comma(text)
        return [value] if value is not None and lower <= value <= upper else []
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("-")
    found = []
    for implied in range(max_decimals + 1):
        if implied and (digits.endswith("0") or len(digits) < implied):
            continue
        value = sign * int(digits) / 10**implied
        if lower <= value <= upper:
            found.append(round(value, max_decimals))
    return found


def recover_by_rank(
    texts: Sequence[str],
    ranks: Sequence[int],
    *,
    higher_is_better: bool,
    lower: float,
    upper: float,
    max_decimals: int = DEFAULT_DECIMALS,
) -> list[float]:
    """Choose one reading per value so that the values order as the ranks do.

    Rows with the same rank must get the same value; a better rank must never get
    a worse value. Among the consistent choices, the one implying the fewest lost
    decimals wins. Raises AmbiguousNumbers when no choice is consistent.
    """
    if len(texts) != len(ranks):
        raise ValueError("texts and ranks differ in length")
    order = sorted(range(len(texts)), key=lambda i: ranks[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and ranks[groups[-1][0]] == ranks[i]:
            groups[-1].append(i)
        else:
            groups.append([i])

    def options(group: list[int]) -> list[float]:
        common = None
        for i in group:
            these = readings(texts[i], lower, upper, max_decimals)
            common = these if common is None else [v for v in common if v in these]
        return common or []

    def fits(better: float, worse: float) -> bool:
        return better >= worse if higher_is_better else better <= worse

    # Dynamic programme over rank groups: cost = number of implied decimals so far.
    layers: list[dict[float, tuple[int, float | None]]] = []
    for group in groups:
        layer: dict[float, tuple[int, float | None]] = {}
        for cost, value in enumerate(options(group)):
            if not layers:
                layer[value] = (cost, None)
                continue
            best = min(
                (
                    (prev_cost + cost, prev)
                    for prev, (prev_cost, _) in layers[-1].items()
                    if fits(prev, value)
                ),
                default=None,
            )
            if best is not None:
                layer[value] = (best[0], best[1])
        if not layer:
            first = group[0]
            raise AmbiguousNumbers(
                first,
                f"value {texts[first]!r} at rank {ranks[first]} has no reading in "
                f"[{lower}, {upper}] that keeps scores in rank order",
            )
        layers.append(layer)

    chosen: list[float] = [0.0] * len(groups)
    value = min(layers[-1], key=lambda v: layers[-1][v][0])
    for position in range(len(groups) - 1, -1, -1):
        chosen[position] = value
        value = layers[position][value][1]
    result = [0.0] * len(texts)
    for group, value in zip(groups, chosen, strict=True):
        for i in group:
            result[i] = value
    return result
