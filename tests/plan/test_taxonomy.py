"""The shipped taxonomy: three tiers, unique names, free-name resolution, GB/T codes checked against the standard."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import shared_data_root
from yindi.plan.taxonomy import (
    TIERS,
    IndustryNotFoundError,
    emerging_classes,
    load_taxonomy,
)

TAX = load_taxonomy()


def test_three_tiers_and_counts() -> None:
    counts = TAX.frame["tier"].value_counts().to_dict()
    assert set(counts) == set(TIERS)
    # 41 GB/T divisions: mining 06-12 (7), manufacturing 13-43 (31), utilities 44-46 (3)
    assert counts["traditional"] == 41
    trad = sorted(TAX.frame.loc[TAX.frame["tier"] == "traditional", "gbt4754"])
    assert trad == [f"{d:02d}" for d in range(6, 47)]


def test_official_lists_present() -> None:
    names = set(TAX.frame["name_zh"]) | {a for i in TAX.industries.values() for a in i.aliases_zh}
    # source 001 §2.2, 8 emerging fields and 9 future directions
    for n in (
        "新一代信息技术",
        "新能源",
        "新材料",
        "高端装备",
        "新能源汽车",
        "绿色环保",
        "民用航空",
        "船舶与海洋工程装备",
    ):
        assert TAX.resolve(n).tier == "emerging", n
    for n in (
        "元宇宙",
        "脑机接口",
        "量子信息",
        "人形机器人",
        "生成式人工智能",
        "生物制造",
        "未来显示",
        "未来网络",
        "新型储能",
    ):
        assert TAX.resolve(n).tier == "future", n
    # 15th FYP proposal six
    for n in ("量子科技", "生物制造", "氢能和核聚变能", "脑机接口", "具身智能", "第六代移动通信"):
        assert n in names and TAX.resolve(n).tier == "future"
    # MIIT 2024 six directions
    for n in ("未来制造", "未来信息", "未来材料", "未来能源", "未来空间", "未来健康"):
        assert TAX.resolve(n).tier == "future"
    # NBS 2018 nine sectors
    tags = {i.gbt_tag.split(":")[1] for i in TAX.industries.values() if i.gbt_tag}
    assert len(tags) == 9


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("人工智能", "sei_ai"),
        ("新能源车", "sei_nev"),
        ("芯片", "sei_ic"),
        ("算力", "sei_computing"),
        ("量子科技", "fut_quantum"),
        ("钢铁产业", "gbt31"),
        ("６Ｇ", "fut_6g"),  # full-width input
        ("Quantum technology", "fut_quantum"),
        ("gbt39", "gbt39"),
    ],
)
def test_resolve(name: str, expected: str) -> None:
    assert TAX.resolve(name).industry_id == expected


def test_unknown_name_lists_candidates_bilingually() -> None:
    assert TAX.resolve("量子力学研究").industry_id == "fut_quantum"  # unique containment
    with pytest.raises(IndustryNotFoundError) as err:
        TAX.resolve("区块链金融")
    assert "Closest" in str(err.value) and err.value.zh and "最接近" in err.value.zh


def test_terms_cover_every_surface_form() -> None:
    terms = TAX.terms()
    for ind in TAX.industries.values():
        assert terms[ind.name_zh] == ind.industry_id
        for a in ind.aliases_zh:
            assert terms[a.lower()] == ind.industry_id


def test_references_are_internal() -> None:
    ids = set(TAX.ids)
    for ind in TAX.industries.values():
        assert ind.parent_id in ids | {""}
        assert set(ind.base) <= ids, ind.industry_id
        assert ind.level_003 in {"", "primary", "low", "mid", "high"}


def test_gbt_codes_exist_in_the_standard() -> None:
    path = shared_data_root() / "taxonomy" / "gbt4754_2017.csv"
    if not path.exists():
        pytest.skip("shared taxonomy pack not found")
    std = pd.read_csv(path, dtype=str, keep_default_na=False)
    codes = dict(zip(std["code"], std["name_zh"], strict=True))
    for ind in TAX.industries.values():
        for code in ind.gbt4754:
            assert code in codes, (ind.industry_id, code)
        if ind.tier == "traditional":
            assert codes[ind.gbt4754[0]] == ind.name_zh


def test_emerging_classes_counts() -> None:
    root = shared_data_root()
    if not (root / "taxonomy").exists():
        pytest.skip("shared taxonomy pack not found")
    ec = emerging_classes(root)
    counts = ec.groupby("industry_id").size().to_dict()
    # pack README: 469 distinct classes; per-sector distinct classes recorded in docs/methods/plan.md
    assert counts == {
        "sei_bio": 66,
        "sei_digicreative": 40,
        "sei_green": 143,
        "sei_hiequip": 100,
        "sei_nev": 31,
        "sei_newenergy": 75,
        "sei_newmat": 86,
        "sei_ngit": 68,
        "sei_services": 47,
    }
    assert ec["code"].nunique() == 469
