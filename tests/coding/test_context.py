"""Per-call document context: no coding state is kept on a shared coder (issue 13)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from dyadwatch.model import Article


def _triples(events: list[Any]) -> list[tuple[str | None, str, str | None, str]]:
    return [(e.source, e.cameo, e.target, e.trigger) for e in events]


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize(("first", "second"), [("Iran attacked Iraq.", "Iran praised Iraq.")])
def test_context_code_sentence_after_code_doc_is_not_stale(nlp: Any, coder: Any, first: str,
                                                             second: str) -> None:
    coder.code_doc(nlp(first), Article(id="a", text=first, published="2020-01-08"))
    article = Article(id="b", text=second, published="2020-01-08")
    doc = nlp(second)
    ctx = coder.context(doc, article)
    events = coder.code_sentence(next(iter(doc.sents)), 0, ctx)
    assert all(e.cameo != "190" and e.trigger != "attacked" for e in events)
    assert _triples(events) == _triples(coder.code_doc(doc, article))


TEXTS = [
    "Iran attacked Iraq on Monday. The United States condemned the attack.",
    "Turkey praised Russia. Russian troops withdrew from the border with Georgia.",
    "The Pentagon said a US drone strike killed Iranian general Qassem Soleimani.",
    "Israel and Egypt signed a ceasefire. Hamas threatened to attack Israel.",
]


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize("texts", [TEXTS])
def test_context_threads_share_one_coder(nlp: Any, coder: Any, texts: list[str]) -> None:
    articles = [Article(id=f"t{i}", text=t, published="2020-01-08") for i, t in enumerate(texts)]
    docs = [nlp(t) for t in texts]
    sequential = [coder.code_doc(d, a) for d, a in zip(docs, articles, strict=True)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            threaded = list(pool.map(coder.code_doc, docs, articles))
            assert threaded == sequential
    assert any(sequential)
