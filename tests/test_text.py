"""cronica.text's transliteration through a table of the characters met."""

from unidecode import unidecode

from cronica.text import fold, name_key, to_ascii


def test_to_ascii_is_unidecode() -> None:
    texts = ["Alepo", "Ḥalab, ʿAbd al-Qādir", "Deir ez-Zor (دير الزور)", "İstanbul", "ﬁnal",
             "Ñuñoa \U0001F600 \u200b", "", "北京 Bei Jing", "Damasco — Alepo… «Hama»"]
    for text in texts + texts[::-1]:  # the second time through, from the table
        assert to_ascii(text) == unidecode(text), text


def test_fold_and_name_key_transliterate() -> None:
    assert fold(" Ejército ") == "ejercito"
    assert name_key("Ḥalab’s Qādir") == "halabs qadir"
