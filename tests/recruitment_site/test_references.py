from recruitment_site.core.references import ALPHABET, new_reference, normalise_reference, unique_reference


def test_reference_has_prefix_and_only_unambiguous_characters():
    reference = new_reference("PA")

    assert reference.startswith("PA-")
    assert len(reference) == 9
    assert set(reference[3:]) <= set(ALPHABET)
    assert not set("01OIL5SB8UV") & set(ALPHABET)


def test_references_do_not_repeat_in_practice():
    # 25 characters in 6 places give 244 million references. Among 2,000 random draws one repeat has
    # about a 1 in 120 chance (the birthday bound), which is why callers draw again when a reference is
    # taken; three repeats would happen less than once in ten million runs.
    references = [new_reference("CA") for _ in range(2000)]

    assert len(ALPHABET) ** 6 > 240_000_000
    assert len(set(references)) >= 1998


def test_unique_reference_draws_again_when_taken():
    taken = {new_reference("PA") for _ in range(3)}
    calls = []

    def is_taken(candidate):
        calls.append(candidate)
        return len(calls) < 3

    reference = unique_reference("PA", is_taken)

    assert reference == calls[-1]
    assert len(calls) == 3
    assert reference not in taken


def test_typed_reference_is_normalised():
    assert normalise_reference(" pa 7kq4m2 ") == "PA-7KQ4M2"
    assert normalise_reference("<script>") == ""
