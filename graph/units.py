"""The units targets are stated in, brought to one base unit each so that values compare across
documents and levels: a province's 1500亿元 against a city's 2000万元, 50平方公里 against 800公顷.

A unit is a magnitude (万, 亿, 千万, 万亿…) before a unit of its own, and a few units of
length, area, power, computing power (EFLOPS, PFLOPS), storage (PB, TB) and bandwidth (Gbps) count
in a smaller one of the same kind; everything else (%, 倍, 家, 个, 年一遇) is its own base.
"""

from __future__ import annotations

import re

_MAGNITUDES = re.compile(r"([十百千]?(?:万亿|万|亿))(.+)")
_DIGITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CONVERSIONS = {  # a unit: (the base unit of its kind, how many of the base one of it makes)
    "百元": ("元", 100),
    "千元": ("元", 1000),
    "公里": ("米", 1000),
    "千米": ("米", 1000),
    "平方公里": ("平方米", 10**6),
    "平方千米": ("平方米", 10**6),
    "公顷": ("平方米", 10**4),
    "m2": ("平方米", 1),
    "㎡": ("平方米", 1),
    "兆瓦": ("千瓦", 1000),
    **{f"{p}W": ("千瓦", n) for p, n in (("G", 10**6), ("M", 1000), ("k", 1), ("K", 1))},
    **{f"{p}Wh": ("千瓦时", n) for p, n in (("G", 10**6), ("M", 1000), ("k", 1), ("K", 1))},
    **{f"{p}FLOPS": ("TFLOPS", n) for p, n in (("E", 10**6), ("P", 1000), ("T", 1))},  # computing power
    **{f"{p}B": ("TB", n) for p, n in (("E", 10**6), ("P", 1000), ("T", 1))},  # storage, as plans count it
    **{f"{p}bps": ("Mbps", n) for p, n in (("T", 10**6), ("G", 1000), ("M", 1))},
    **{f"{m}g/m{c}": ("微克/立方米", 1) for m in "μµ" for c in "3³"},  # as tables print 微克/立方米
    **{f"mg/m{c}": ("微克/立方米", 1000) for c in "3³"},
    "毫克/立方米": ("微克/立方米", 1000),
    **{f"{a}/平方{b}": ("公里/平方公里", 1) for a in ("公里", "千米") for b in ("公里", "千米")},  # density
}


def base_unit(unit: str) -> tuple[str, int]:
    """The base unit a unit counts in, and how many of the base unit one of it makes.

    >>> base_unit("亿元"), base_unit("千万元"), base_unit("万亿元"), base_unit("元")
    (('元', 100000000), ('元', 10000000), ('元', 1000000000000), ('元', 1))
    >>> base_unit("平方公里"), base_unit("万千瓦"), base_unit("万人"), base_unit("%"), base_unit("千瓦")
    (('平方米', 1000000), ('千瓦', 10000), ('人', 10000), ('%', 1), ('千瓦', 1))
    >>> base_unit("μg/m³"), base_unit("mg/m3")
    (('微克/立方米', 1), ('微克/立方米', 1000))
    >>> base_unit("EFLOPS"), base_unit("MW"), base_unit("万标准机架"), base_unit("PFlops")
    (('TFLOPS', 1000000), ('千瓦', 1000), ('标准机架', 10000), ('TFLOPS', 1000))
    """
    factor = 1
    unit = re.sub(r"(?i)flops$", "FLOPS", unit)  # PFlops, Pflops: the same unit as PFLOPS
    if m := _MAGNITUDES.fullmatch(unit):
        for digit in m[1]:
            factor *= _DIGITS[digit]
        unit = m[2]
    base, times = _CONVERSIONS.get(unit, (unit, 1))
    return base, factor * times


def in_base(value: float, unit: str) -> float:
    """A value in the base unit of its unit.

    >>> in_base(1.5, "亿元"), in_base(50, "平方公里"), in_base(8, "%")
    (150000000.0, 50000000, 8)
    """
    return value * base_unit(unit)[1]


def yuan(unit: str) -> int | None:
    """How many 元 one of a unit of money is; None for a unit that is not money.

    >>> yuan("亿元"), yuan("千元"), yuan("美元"), yuan("%")
    (100000000, 1000, None, None)
    """
    base, factor = base_unit(unit)
    return factor if base == "元" else None
