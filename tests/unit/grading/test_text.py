import pytest

from hirebar.grading.text import LONG_SENTENCE_WORDS, content_stems, split_sentences, stretches


def test_sentences_keep_exact_spans():
    answer = (
        "First, I'd ask which segment dropped.  Then roll back!\n- check the deploy log\n2) size it"
    )
    sentences = split_sentences(answer)
    assert [s.text for s in sentences] == [
        "First, I'd ask which segment dropped.",
        "Then roll back!",
        "check the deploy log",
        "size it",
    ]
    for s in sentences:
        assert answer[s.start : s.end] == s.text


def test_a_title_or_abbreviation_does_not_end_a_sentence():
    answer = (
        "Dr. Okafor disagreed, e.g. on recall vs. precision. Latency stayed under 300 ms. Done."
    )
    assert [s.text for s in split_sentences(answer)] == [
        "Dr. Okafor disagreed, e.g. on recall vs. precision.",
        "Latency stayed under 300 ms.",
        "Done.",
    ]


def test_whitespace_and_punctuation_only_give_no_sentences():
    assert split_sentences("   \n\t ") == []
    assert split_sentences("... !!") == []


def test_content_stems_drop_stopwords_and_stem():
    assert content_stems("We rolled back the models") == ["roll", "back", "model"]


def test_short_forms_are_read_as_the_full_word():
    assert content_stems("I wrote the eval plan and the launch doc") == content_stems(
        "I wrote the evaluation plan and the launch document"
    )
    assert content_stems("prod config specs") == content_stems(
        "production configuration specifications"
    )


def test_an_acronym_reads_as_the_words_it_stands_for():
    from hirebar.grading.text import content_stems

    assert content_stems("use RAG") == content_stems("use retrieval-augmented generation")
    assert content_stems("the PRD") == content_stems("the product requirements document")


@pytest.mark.parametrize(
    ("notation", "words"),
    [
        ("O(n log n)", "linearithmic"),
        ("Big-O(n*log(n))", "linearithmic"),
        ("nlogn", "linearithmic"),
        ("Θ(1)", "constant"),
        ("O(log n)", "logarithmic"),
        ("log(n) levels", "logarithmic levels"),
        ("theta(n^2) in the worst case", "quadratic in the worst case"),
        ("n² comparisons", "quadratic comparisons"),
        ("O(2^n)", "exponential"),
        ("O(n)", "linear"),
    ],
)
def test_growth_rates_in_notation_read_as_their_words(notation, words):
    assert content_stems(notation) == content_stems(words)


def test_notation_that_is_not_a_growth_rate_is_left_alone():
    assert content_stems("O(n + m)") == []
    assert content_stems("log in to the dashboard") == ["log", "dashboard"]
    assert content_stems("we logged (n = 40) sessions") == ["log", "40", "session"]


def test_a_long_sentence_is_cut_into_stretches_of_whole_clauses():
    sentence = (
        "When accuracy dropped overnight I first read the change log, because a silent "
        "upstream change is the usual cause, and then I compared inputs by language; "
        "Spanish traffic had doubled, so I checked the translation step."
    )
    assert stretches(sentence) == (
        "When accuracy dropped overnight I first read the change log,",
        "because a silent upstream change is the usual cause,",
        "and then I compared inputs by language;",
        "Spanish traffic had doubled, so I checked the translation step.",
    )
    assert " ".join(stretches(sentence)) == sentence


def test_a_short_clause_joins_its_neighbour_and_a_short_sentence_is_left_whole():
    # "and then so on" is too short to say anything alone: it stays with the clause before
    sentence = (
        "We set the threshold per segment with the fraud team and the support leads, "
        "because one threshold for every seller would hurt the small ones, and then so on."
    )
    assert stretches(sentence)[-1].endswith("would hurt the small ones, and then so on.")
    assert stretches("Short, and to the point.") == ()
    unbroken = " ".join(["word"] * (LONG_SENTENCE_WORDS + 5))
    assert stretches(unbroken) == ()
