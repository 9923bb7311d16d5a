"""Who leads a body, read where kg missed it on the articles no rule was written for (round
18, issue 10): a person who runs a body leads it (frames.yaml `run` with a Person doer, in the
active voice). Invented sentences; the first fails without the frame."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


def test_a_person_who_runs_a_body_leads_it():
    found = _relations(
        "Velmar Air named Karl Berg as chief operating officer. Berg previously ran Velmar "
        "Freight Services, the airline's cargo arm."
    )
    assert _has(found, "Karl Berg", "leads", "Velmar Freight Services"), found


def test_a_country_s_contingent_that_runs_a_staff_leads_nothing():
    found = _relations(
        "The Velmar Support Force is based in Norvik. Chile, whose battalion runs the "
        "mission's logistics staff, would not send more troops."
    )
    assert not any(p == "leads" for _s, p, _o in found), found


def test_a_body_run_by_someone_in_the_passive_is_not_read():
    # frames.yaml `voice: active`: the passive's subject ("it", "the ministry") is most often
    # read back to the wrong body
    found = _relations(
        "The Velmar Liaison Office opened in 2019. It is run by a Swedish diplomat, Tor "
        "Lund, and its boats patrol the river."
    )
    assert not any(p == "leads" and s == "Tor Lund" for s, p, _o in found), found
