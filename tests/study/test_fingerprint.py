"""Stored results are keyed by the code that computed them: a change in a computing package makes a rerun
recompute; a change in the rendering layers (report, CLI, API, web) does not."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import yindi.study._fingerprint as fp


def _fingerprint_of(root: Path, rendering: bool = False) -> str:
    """Load a copy of the fingerprint module placed at ``root/study/_fingerprint.py`` and run it there."""
    spec = importlib.util.spec_from_file_location("fp_copy", root / "study" / "_fingerprint.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.code_fingerprint(rendering))


def test_fingerprint_follows_computing_code_only(tmp_path: Path) -> None:
    root = tmp_path / "yindi"
    (root / "study").mkdir(parents=True)
    shutil.copy(fp.__file__, root / "study" / "_fingerprint.py")
    for rel, text in {
        "index/kernels.py": "X = 1\n",
        "plan/data/taxonomy.csv": "a,b\n",
        "report/html.py": "Y = 1\n",
        "web/app.js": "1",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    base = _fingerprint_of(root)
    assert base == _fingerprint_of(root)  # deterministic
    whole = _fingerprint_of(root, rendering=True)
    (root / "report/html.py").write_text("Y = 2\n")
    assert _fingerprint_of(root) == base  # rendering code: stored results stay valid
    assert _fingerprint_of(root, rendering=True) != whole  # … but a rendered report does not
    whole = _fingerprint_of(root, rendering=True)
    (root / "web/app.js").write_text("2")
    assert _fingerprint_of(root, rendering=True) != whole
    (root / "index/kernels.py").write_text("X = 2\n")
    changed = _fingerprint_of(root)
    assert changed != base
    (root / "plan/data/taxonomy.csv").write_text("a,c\n")
    assert _fingerprint_of(root) != changed  # data files the code computes with count too
