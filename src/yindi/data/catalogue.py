"""Built-in indicator catalogue: NBS Chinese names → stable indicator ids, English names and units.

Used by the NBS importer to give columns like "地区生产总值 (亿元)" the id ``gdp``. Names not listed keep their
Chinese name as id; the import summary says so. The ids match those of the cn-provinces data pack.
"""

from __future__ import annotations

# name_zh: (id, name_en)
NBS_NAMES: dict[str, tuple[str, str]] = {
    "地区生产总值": ("gdp", "Gross regional product"),
    "人均地区生产总值": ("gdp_per_capita", "Per-capita gross regional product"),
    "第一产业增加值": ("va_primary", "Value added, primary industry"),
    "第二产业增加值": ("va_secondary", "Value added, secondary industry"),
    "第三产业增加值": ("va_tertiary", "Value added, tertiary industry"),
    "农林牧渔业增加值": (
        "va_agriculture",
        "Value added, agriculture, forestry, animal husbandry and fishery",
    ),
    "工业增加值": ("va_industry", "Value added, industry"),
    "建筑业增加值": ("va_construction", "Value added, construction"),
    "批发和零售业增加值": ("va_wholesale_retail", "Value added, wholesale and retail"),
    "交通运输、仓储和邮政业增加值": ("va_transport", "Value added, transport, storage and post"),
    "住宿和餐饮业增加值": ("va_hotels_catering", "Value added, accommodation and catering"),
    "金融业增加值": ("va_finance", "Value added, finance"),
    "房地产业增加值": ("va_real_estate", "Value added, real estate"),
    "其他行业增加值": ("va_other", "Value added, other sectors"),
    "年末常住人口": ("population", "Resident population, year end"),
    "城镇人口": ("population_urban", "Urban population"),
    "乡村人口": ("population_rural", "Rural population"),
    "地区生产总值指数": ("gdp_index", "Gross regional product index (previous year = 100)"),
    "第一产业增加值指数": ("va_primary_index", "Value added index, primary industry (previous year = 100)"),
    "第二产业增加值指数": (
        "va_secondary_index",
        "Value added index, secondary industry (previous year = 100)",
    ),
    "第三产业增加值指数": ("va_tertiary_index", "Value added index, tertiary industry (previous year = 100)"),
    "居民消费价格指数": ("cpi", "Consumer price index (previous year = 100)"),
    "城镇单位就业人员": ("urban_unit_employment", "Employed persons in urban units"),
    "人口出生率": ("birth_rate", "Birth rate"),
    "人口死亡率": ("death_rate", "Death rate"),
    "人口自然增长率": ("natural_growth_rate", "Natural growth rate of population"),
}
