"""Every command, given bad arguments, prints one bilingual message and exits non-zero — never a traceback.

The commands are enumerated from the Typer app, so a new command without bad-argument cases here fails
``test_every_command_has_cases``. Each command gets an unknown flag (Click's usage error, shown in Chinese and
English by :func:`yindi.cli.run`) and the cases below: a missing data folder, a bad year, an unknown region, an
unknown option value. ``{D}`` stands for the real provincial pack.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from yindi.cli import app, run

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z']+){2,}")  # a few English words in a row

NO_DATA = "/nonexistent/yindi-data"
IO = ["-i", "capital_stock", "--output-var", "gdp"]
IND = ["--indicator", "rd_intensity"]

#: command path → bad invocations (arguments after the command path).
CASES: dict[str, list[list[str]]] = {
    "report": [
        ["--data", NO_DATA, "--out", "{TMP}"],
        ["--data", "{D}", "--out", "{TMP}", "--year", "1990"],
        ["--data", "{D}", "--out", "{TMP}", "--lang", "fr"],
        ["--data", "{D}", "--out", "{TMP}", "--section", "no_such_section"],
    ],
    "dea": [
        ["--data", NO_DATA, *IO, "--year", "2023"],
        ["--data", "{D}", *IO, "--year", "1990"],
        ["--data", "{D}", *IO, "--year", "2023", "--rts", "bogus"],
        ["--data", "{D}", *IO, "--year", "2023", "--missing", "raise"],
        ["--data", "{D}", "-i", "no_such_indicator", "--output-var", "gdp", "--year", "2023"],
    ],
    "malmquist": [
        ["--data", NO_DATA, *IO],
        ["--data", "{D}", *IO, "--from", "1990", "--to", "1991"],
        ["--data", "{D}", *IO, "--frontier", "local"],
    ],
    "data import": [
        [NO_DATA + "/x.csv", "--name", "x", "--workspace", "{TMP}/ws.duckdb"],
        [
            "{BAD_REGION_CSV}",
            "--name",
            "x",
            "--workspace",
            "{TMP}/ws.duckdb",
            "--region",
            "省份",
            "--year",
            "年份",
        ],
    ],
    "data list": [["--workspace", "{TMP}"]],
    "data show": [
        ["no_such_dataset", "--workspace", "{TMP}/ws.duckdb"],
        ["x", "--workspace", "{TMP}/ws.duckdb", "--lang", "fr"],
    ],
    "data check": [
        [NO_DATA + "/x.csv"],
        ["{BAD_REGION_CSV}", "--region", "省份", "--year", "年份"],
        ["{BAD_YEAR_CSV}", "--region", "省份", "--year", "年份"],
    ],
    "index run": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--years", "1990-1991", "--draws", "0"],
        ["--data", "{D}", "--weighting", "bogus", "--draws", "0"],
        ["--data", "{D}", "--missing", "raise", "--draws", "0"],
    ],
    "index presets": [["extra-argument"]],
    "typology stages": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--year", "1990"],
        ["--data", "{D}", "--gdp-rule", "bogus"],
    ],
    "typology clusters": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--year", "1990"],
        ["--data", "{D}", "--method", "bogus"],
    ],
    "typology peers": [
        ["--data", NO_DATA, "--region", "安徽"],
        ["--data", "{D}", "--region", "火星"],
        ["--data", "{D}", "--region", "安徽", "--year", "1990"],
    ],
    "structure tiers": [["--data", NO_DATA], ["--data", "{D}", "--missing", "bogus"]],
    "structure specialisation": [["--data", NO_DATA], ["--data", "{D}", "--empty", "bogus"]],
    "structure similarity": [["--data", NO_DATA], ["--data", "{D}", "--year", "1990"]],
    "structure complexity": [["--data", NO_DATA], ["--data", "{D}", "--rca-threshold", "-1"]],
    "structure opportunities": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--of", "火星"],
        ["--data", "{D}", "--attractiveness", "bogus"],
    ],
    "disparity dagum": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--years", "1990-1991"],
        [*IND, "--data", "{D}", "--grouping", "bogus"],
        ["--indicator", "no_such_indicator", "--data", "{D}"],
    ],
    "disparity inequality": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--years", "1990"],
        [*IND, "--data", "{D}", "--missing", "raise"],
    ],
    "disparity convergence": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--years", "1990-1991"],
        [*IND, "--data", "{D}", "--interval", "0"],
    ],
    "disparity markov": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--years", "1990-1991"],
        [*IND, "--data", "{D}", "--k", "1"],
    ],
    "spatial weights": [["--level", "planet"], ["--kind", "bogus"], ["--islands", "bogus"]],
    "spatial moran": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--year", "1990"],
        [*IND, "--data", "{D}", "--islands", "bogus"],
    ],
    "spatial lisa": [
        [*IND, "--data", NO_DATA],
        [*IND, "--data", "{D}", "--year", "1990"],
        [*IND, "--data", "{D}", "--adjust", "bogus"],
    ],
    "plan portfolio": [
        ["--data", NO_DATA, "--out", "{TMP}/p.csv"],
        ["--data", "{D}", "--out", "{TMP}/p.csv", "--region", "火星", "--draws", "0"],
        ["--data", "{D}", "--out", "{TMP}/p.csv", "--lang", "fr", "--draws", "0"],
    ],
    "plan lists": [
        ["--data", NO_DATA, "--out", "{TMP}/p.csv"],
        ["--data", "{D}", "--out", "{TMP}/p.csv", "--draws", "-5"],
    ],
    "plan herding": [
        ["--data", NO_DATA, "--out", "{TMP}/p.csv"],
        ["--data", "{D}", "--out", "{TMP}/p.csv", "--ambitions", NO_DATA + "/a.csv", "--draws", "0"],
    ],
    "plan modes": [
        ["--data", NO_DATA, "--out", "{TMP}/p.csv"],
        ["--data", "{D}", "--out", "{TMP}/p.csv", "--region", "火星"],
    ],
    "coordinate roles": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--year", "1990"],
        ["--data", "{D}", "--lang", "fr"],
    ],
    "coordinate pairs": [
        ["--data", NO_DATA],
        ["--data", "{D}", "--region", "火星"],
        ["--data", "{D}", "--industry", "不存在的产业xyz"],
        ["--data", "{D}", "--top", "0"],
    ],
    "text priorities": [
        [NO_DATA + "/plan.txt", "--out", "{TMP}/t.csv"],
        ["{BAD_REGION_CSV}", "--out", "{TMP}/t.csv", "--region", "火星"],
    ],
    "text similarity": [[NO_DATA + "/plan.txt", "--out", "{TMP}/t.xlsx"]],
    "text gaps": [["--priorities", NO_DATA + "/p.csv", "--out", "{TMP}/t.csv", "--data", "{D}"]],
    "text timeline": [["--corpus", NO_DATA + "/c.jsonl", "--out", "{TMP}/t.xlsx"]],
    "city layout": [
        ["--data", NO_DATA, "--city", "苏州"],
        ["--data", "{COUNTIES}", "--city", "火星"],
        ["--data", "{COUNTIES}", "--city", "苏州", "--lang", "fr"],
        ["--data", "{COUNTIES}", "--city", "苏州", "--near-km", "-5"],
    ],
    "city grid": [
        ["--data", NO_DATA],
        ["--data", "{COUNTIES}", "--engine", "spark"],
        ["--data", "{COUNTIES}", "--draws", "-1"],
    ],
    "serve": [["--data", NO_DATA], ["--data", "{D}", "--port", "0"], ["--data", "{D}", "--port", "70000"]],
}


def _commands() -> list[str]:
    def walk(cmd: object, path: list[str]) -> list[str]:
        subs = getattr(cmd, "commands", None)
        if subs:
            return [p for name, sub in subs.items() for p in walk(sub, [*path, name])]
        return [" ".join(path)]

    return walk(typer.main.get_command(app), [])


def test_every_command_has_cases() -> None:
    commands = _commands()
    assert len(commands) >= 20
    assert sorted(set(commands) - set(CASES)) == [], "add bad-argument cases for the new command(s)"
    assert sorted(set(CASES) - set(commands)) == [], "CASES names a command that no longer exists"


def _check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = run(argv)
    out, err = capsys.readouterr()
    text = out + err
    assert code != 0, f"{argv}: exit code 0\n{text}"
    assert "Traceback" not in text, f"{argv}: traceback\n{text}"
    assert CJK.search(err), f"{argv}: no Chinese in the error\n{text}"
    assert ENGLISH.search(err), f"{argv}: no English in the error\n{text}"


@pytest.mark.parametrize("command", sorted(CASES))
def test_unknown_flag(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    _check([*command.split(), "--no-such-flag"], capsys)


@pytest.mark.parametrize(
    ("command", "args"), [(c, a) for c, cases in sorted(CASES.items()) for a in cases], ids=lambda v: str(v)
)
def test_bad_arguments(
    command: str,
    args: list[str],
    provinces_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("YINDI_DATA", raising=False)
    bad_region = tmp_path / "bad_region.csv"
    bad_region.write_text("省份,年份,gdp\n火星,2020,1\n", encoding="utf-8")
    bad_year = tmp_path / "bad_year.csv"
    bad_year.write_text("省份,年份,gdp\n北京,1800,1\n", encoding="utf-8")
    subst = {
        "{D}": str(provinces_dir),
        "{COUNTIES}": str(provinces_dir.parent / "cn-counties"),
        "{TMP}": str(tmp_path),
        "{BAD_REGION_CSV}": str(bad_region),
        "{BAD_YEAR_CSV}": str(bad_year),
    }
    argv = [*command.split()]
    for a in args:
        for k, v in subst.items():
            a = a.replace(k, v)
        argv.append(a)
    _check(argv, capsys)
