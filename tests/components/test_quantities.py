"""cronica_quantities: the counts of sentences with events, with their kinds."""

from cronica.components.quantities import NAME


def test_counts_of_a_sentence_with_an_event(read):
    sents = read("El bombardeo mató a doce civiles e hirió a 30 personas.", "es", NAME)
    kinds = sorted((q.kind, q.value) for _, q in sents[0]._.quantities)
    assert kinds == [("killed", 12), ("wounded", 30)]


def test_no_counts_are_read_where_there_is_no_event(read):
    sents = read("The town has 12,000 inhabitants.", "en", NAME)
    assert sents[0]._.quantities == []
