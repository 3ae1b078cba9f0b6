"""presentation.last.LastOf: a value made once for the object it is made of (by identity)."""

from __future__ import annotations

import pandas as pd

from presentation.last import LastOf


def test_made_once_per_object_and_again_for_another_even_if_equal() -> None:
    made: list[int] = []

    def size(frame: pd.DataFrame) -> int:
        made.append(len(frame))
        return len(frame)

    last = LastOf(size)
    first, equal = pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 2]})
    assert [last(first), last(first), last(first)] == [2, 2, 2]
    assert made == [2]
    assert last(equal) == 2 and made == [2, 2]  # another object: made again, not looked up by value
    assert last(first) == 2 and made == [2, 2, 2]  # one kept: the first one was let go
