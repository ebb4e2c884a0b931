"""The section list lives in the pipeline layer, and no pipeline or analysis module imports the report layer."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from yindi.errors import ParameterError
from yindi.study import Study
from yindi.study.sections import APPENDIX, NAMES, SECTION_NODES, SECTIONS, nodes_of

SRC = Path(__file__).resolve().parents[2] / "src" / "yindi"
LOWER = (
    "study",
    "index",
    "typology",
    "productivity",
    "structure",
    "disparity",
    "spatial",
    "plan",
    "coordinate",
    "data",
    "regions",
    "text",
)
UPPER = ("yindi.report", "yindi.cli", "yindi.api", "yindi.web")


def test_every_section_has_a_module_whose_nodes_are_the_listed_ones() -> None:
    from yindi.report import sections
    from yindi.study.nodes import NODES

    assert sections.SECTIONS == SECTIONS and set(NAMES) == set(SECTIONS) and set(APPENDIX) <= set(SECTIONS)
    known = {n.name for n in NODES}
    for name in SECTIONS:
        module = importlib.import_module(f"yindi.report.sections.{name}")
        assert callable(module.build)
        assert SECTION_NODES[name] == module.NODES
        assert set(SECTION_NODES[name]) <= known, name


def test_nodes_of_keeps_first_use_order_without_repeats() -> None:
    assert nodes_of(["disparity", "index", "summary"]) == (
        "disparity",
        "spatial",
        "index",
        "typology",
        "productivity",
        "plan",
        "coordinate",
    )


def test_unknown_section_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(ParameterError, match="Did you mean 'typology'"):
        Study(data="x", sections=("typolgy",))


def test_lower_layers_do_not_import_the_report_cli_or_api() -> None:
    offenders = []
    for area in LOWER:
        for path in (SRC / area).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                offenders += [f"{path.relative_to(SRC)}: {n}" for n in names if n.startswith(UPPER)]
    assert offenders == []


def test_validating_a_study_loads_no_report_code_nor_numpy() -> None:
    code = (
        "import sys\n"
        "from yindi.study import Study\n"
        "Study(data='x', sections=('index', 'coverage'), options={'index': {'weighting': 'critic'}})\n"
        "print(sorted(m for m in ('yindi.report', 'numpy', 'pandas', 'scipy') if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC.parent)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
