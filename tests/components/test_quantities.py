"""cronica_quantities: the counts of sentences with events, with their kinds."""

from cronica.components.quantities import NAME


def test_counts_of_a_sentence_with_an_event(read):
    sents = read("El bombardeo mató a doce civiles e hirió a 30 personas.", "es", NAME)
    kinds = sorted((q.kind, q.value) for _, q in sents[0]._.quantities)
    assert kinds == [("killed", 12), ("wounded", 30)]


def test_no_counts_are_read_where_there_is_no_event(read):
    sents = read("The town has 12,000 inhabitants.", "en", NAME)
    assert sents[0]._.quantities == []


def test_ages_are_not_counts(read):
    sents = read("Police arrested 12 men aged 18-25 and a 30-year-old woman.", "en", NAME)
    assert sorted((q.kind, q.value) for _, q in sents[0]._.quantities) == [("detained", 12)]
    sents = read("La policía detuvo a 12 hombres de entre 18 y 25 años de edad.", "es", NAME)
    assert sorted((q.kind, q.value) for _, q in sents[0]._.quantities) == [("detained", 12)]


def test_a_cumulative_toll_is_not_the_event_s_count(read):
    sents = read("El bombardeo mató a 12 civiles, elevando a 300 el número de muertos.", "es",
                 NAME)
    assert sorted((q.kind, q.value) for _, q in sents[0]._.quantities) == [("killed", 12)]
    sents = read("The strike killed 12 civilians, bringing the death toll to 300.", "en", NAME)
    assert sorted((q.kind, q.value) for _, q in sents[0]._.quantities) == [("killed", 12)]


def test_perishing_is_dying(read):
    sents = read("Dos civiles perecieron en los bombardeos sobre Talbisé.", "es", NAME)
    assert [(q.kind, q.value) for _, q in sents[0]._.quantities] == [("killed", 2)]
    sents = read("Two civilians perished in the shelling of Talbiseh.", "en", NAME)
    assert [(q.kind, q.value) for _, q in sents[0]._.quantities] == [("killed", 2)]


def test_the_wounded_of_a_coordinated_clause_are_wounded(read):
    """ "murieron 25 civiles y 40 resultaron heridos": the 40 are wounded, not dead."""
    sents = read("El viernes 25 civiles murieron y 40 resultaron heridos en los bombardeos "
                 "sobre Alepo.", "es", NAME)
    kinds = sorted((q.kind, q.value) for _, q in sents[0]._.quantities)
    assert kinds == [("killed", 25), ("wounded", 40)]
    sents = read("On Friday 25 civilians were killed and 40 were wounded in the shelling of "
                 "Aleppo.", "en", NAME)
    kinds = sorted((q.kind, q.value) for _, q in sents[0]._.quantities)
    assert kinds == [("killed", 25), ("wounded", 40)]
