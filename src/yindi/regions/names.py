"""Region name rules: short names, English names and the aliases users type.

Province English names follow the forms used by the National Bureau of Statistics' English yearbooks
(Inner Mongolia, Tibet, Shaanxi ...). City and county English names are the Hanyu Pinyin of the short name
(``pypinyin``), with an override table for names whose customary form differs (Hohhot, Urumqi, Lhasa ...)
and for characters pypinyin reads wrongly in place names (朝阳 Chaoyang, 六安 Lu'an).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

PROVINCE_EN: dict[str, str] = {
    "110000": "Beijing",
    "120000": "Tianjin",
    "130000": "Hebei",
    "140000": "Shanxi",
    "150000": "Inner Mongolia",
    "210000": "Liaoning",
    "220000": "Jilin",
    "230000": "Heilongjiang",
    "310000": "Shanghai",
    "320000": "Jiangsu",
    "330000": "Zhejiang",
    "340000": "Anhui",
    "350000": "Fujian",
    "360000": "Jiangxi",
    "370000": "Shandong",
    "410000": "Henan",
    "420000": "Hubei",
    "430000": "Hunan",
    "440000": "Guangdong",
    "450000": "Guangxi",
    "460000": "Hainan",
    "500000": "Chongqing",
    "510000": "Sichuan",
    "520000": "Guizhou",
    "530000": "Yunnan",
    "540000": "Tibet",
    "610000": "Shaanxi",
    "620000": "Gansu",
    "630000": "Qinghai",
    "640000": "Ningxia",
    "650000": "Xinjiang",
    "710000": "Taiwan",
    "810000": "Hong Kong",
    "820000": "Macao",
}

# Other spellings users type for provinces (matched case- and space-insensitively).
PROVINCE_EN_ALIASES: dict[str, tuple[str, ...]] = {
    "150000": ("Nei Mongol", "Neimenggu", "Inner Mongolia Autonomous Region"),
    "540000": ("Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"),
    "450000": ("Guangxi Zhuang Autonomous Region",),
    "640000": ("Ningxia Hui Autonomous Region",),
    "650000": ("Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"),
    "820000": ("Macau", "Aomen"),
    "810000": ("Hongkong", "Xianggang"),
    "610000": ("Shaanxi Province",),
    "140000": ("Shanxi Province",),
}

# Customary English forms and pypinyin misreadings of place names.
PLACE_EN_OVERRIDES: dict[str, str] = {
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "拉萨": "Lhasa",
    "喀什": "Kashgar",
    "日喀则": "Shigatse",
    "朝阳": "Chaoyang",
    "六安": "Lu'an",
    "西安": "Xi'an",
    "泰安": "Tai'an",
    "吉安": "Ji'an",
    "延安": "Yan'an",
    "淮安": "Huai'an",
    "兴安": "Hinggan",
    "锡林郭勒": "Xilingol",
    "阿拉善": "Alxa",
    "鄂尔多斯": "Ordos",
    "包头": "Baotou",
    "巴彦淖尔": "Bayannur",
    "呼伦贝尔": "Hulunbuir",
    "乌兰察布": "Ulanqab",
    "乌海": "Wuhai",
    "长沙": "Changsha",
    "长春": "Changchun",
    "长治": "Changzhi",
    "重庆": "Chongqing",
    "蚌埠": "Bengbu",
    "厦门": "Xiamen",
    "番禺": "Panyu",
    "单县": "Shanxian",
    "乐山": "Leshan",
    "乐东": "Ledong",
    "大理": "Dali",
    "克拉玛依": "Karamay",
    "哈密": "Hami",
    "吐鲁番": "Turpan",
    "和田": "Hotan",
    "阿克苏": "Aksu",
    "伊犁": "Ili",
    "塔城": "Tacheng",
    "阿勒泰": "Altay",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu",
    "昌吉": "Changji",
    "那曲": "Nagqu",
    "林芝": "Nyingchi",
    "昌都": "Qamdo",
    "山南": "Shannan",
    "阿里": "Ngari",
    "香港": "Hong Kong",
    "澳门": "Macao",
    "台湾": "Taiwan",
}

# Suffixes stripped to form a short name, longest first. Ethnic-autonomy words are stripped with them
# (广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边).
_PROVINCE_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_ETHNIC = (
    "蒙古族藏族|藏族羌族|黎族苗族|土家族苗族|布依族苗族|苗族侗族|哈尼族彝族|壮族苗族|傣族景颇族|"
    "朝鲜族|蒙古族|藏族|回族|彝族|白族|傣族|傈僳族|哈萨克|柯尔克孜|黎族|苗族|土家族|布依族|侗族|羌族|"
    "纳西族|景颇族|拉祜族|佤族|瑶族|畲族|仡佬族|水族|满族|锡伯族|土族|撒拉族|保安族|东乡族|裕固族|"
    "仫佬族|毛南族|各族|达斡尔族|鄂温克族|鄂伦春族"
)
_LOCAL_SUFFIX = re.compile(rf"(({_ETHNIC})+)?(自治州|自治县|自治旗|地区|林区|特区|盟|市|县|区|旗)$")


def short_name(full: str, level: str) -> str:
    """Return the customary short name: 广西壮族自治区 → 广西, 石家庄市 → 石家庄, 延边朝鲜族自治州 → 延边.

    County-level names keep their suffix when stripping it would leave one character (e.g. 沙县 stays 沙县).
    """
    if level == "province":
        short = _PROVINCE_SUFFIX.sub("", full)
        return short or full
    short = _LOCAL_SUFFIX.sub("", full)
    return short if len(short) >= 2 else full


@cache
def pinyin_name(short: str) -> str:
    """English name for a city or county: customary form if known, otherwise Hanyu Pinyin of ``short``."""
    if short in PLACE_EN_OVERRIDES:
        return PLACE_EN_OVERRIDES[short]
    from pypinyin import lazy_pinyin  # local import: pypinyin's dictionaries take time to load

    syllables = lazy_pinyin(short, errors="ignore")
    text = "".join(syllables)
    return text[:1].upper() + text[1:] if text else short


_KEY_DROP = re.compile(r"[\s\-'’·.]+")


def normalise_key(name: str) -> str:
    """Key used for alias matching: NFKC, lower case, without spaces, hyphens, apostrophes and dots."""
    text = unicodedata.normalize("NFKC", name).strip().lower()
    return _KEY_DROP.sub("", text)
