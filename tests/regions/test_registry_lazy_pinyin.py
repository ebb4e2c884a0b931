"""Pinyin names are built on first need (a cold report never needs them), with the same lookups as before."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO
from yindi.regions import registry, resolve
from yindi.regions.names import pinyin_name


def test_building_the_registry_computes_no_pinyin() -> None:
    code = (
        "import sys\n"
        "from yindi.regions import registry, resolve\n"
        "reg = registry()\n"
        "assert resolve('广西').adcode == '450000' and resolve('Guangxi').adcode == '450000'\n"
        "assert resolve('石家庄').adcode == '130100' and resolve('130100').short_zh == '石家庄'\n"
        "assert reg.get('150100').name_en == 'Hohhot'  # a customary English form, stored without pinyin\n"
        "assert reg._pinyin is None and 'pypinyin' not in sys.modules\n"
        "assert resolve('Shijiazhuang').adcode == '130100'  # a pinyin name builds the table\n"
        "assert reg._pinyin is not None\n"
    )
    env_path = str(REPO / "src")
    out = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": env_path}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def test_pinyin_lookups_match_the_eager_table() -> None:
    reg = registry()
    # every unit's English name resolves to a set containing it, as with the eager alias table
    sample = [r for r in reg if r._name_en is None][::97]
    assert len(sample) > 20
    for r in sample:
        assert r.name_en == pinyin_name(r.short_zh)
        assert r.adcode in {x.adcode for x in reg.suggestions(r.name_en, n=50)}
    # a province name wins over a city's pinyin; asking for the city level finds the city
    assert resolve("Hainan").adcode == "460000"
    assert resolve("Hainan", level="city").adcode == "632500"
