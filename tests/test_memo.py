"""The bounded memo keeps recent answers and forgets the least recently used."""

from cronica.memo import Memo


def test_memo_reuses_answers_and_stays_bounded() -> None:
    calls: list[str] = []

    def make(key: str) -> str:
        calls.append(key)
        return key.upper()

    memo: Memo[str, str] = Memo(size=2)
    assert memo.get("a", lambda: make("a")) == "A"
    assert memo.get("a", lambda: make("a")) == "A" and calls == ["a"]
    memo.get("b", lambda: make("b"))
    memo.get("a", lambda: make("a"))  # "a" is now the most recent
    memo.get("c", lambda: make("c"))  # over the bound: "b" goes
    assert len(memo) == 2
    memo.get("a", lambda: make("a"))
    memo.get("b", lambda: make("b"))
    assert calls == ["a", "b", "c", "b"]
    memo.clear()
    assert len(memo) == 0
