"""Resource limits that protect the user's machine: file size, rows, permutations, bootstrap and Monte Carlo
draws. A request beyond a limit is a :class:`~yindi.errors.ResourceLimitError` before any work starts —
never minutes of swapping.

资源上限：文件大小、行数、置换次数、自助抽样次数、蒙特卡洛抽样次数。超出上限时在计算开始前报错，而不是让机器
耗尽内存。

Each limit is an :class:`~yindi.options.Option` of the ``limits`` table (documented in
``docs/reliability.md``). Override one for a session with the environment variable ``YINDI_<NAME>`` (e.g.
``YINDI_MAX_ROWS=200000000``) or in code with :func:`override`::

    with yindi.limits.override(max_permutations=1_000_000):
        moran(y, w, permutations=500_000)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from yindi.errors import ParameterError, ResourceLimitError
from yindi.options import Option, OptionTable, register

TABLE = register(
    OptionTable(
        "limits",
        "资源上限",
        "Resource limits",
        (
            Option(
                "max_file_bytes",
                4 * 1024**3,
                "可导入文件的最大字节数（默认 4 GiB）",
                "Largest file an importer reads, in bytes (default 4 GiB)",
                low=1,
            ),
            Option(
                "max_rows",
                50_000_000,
                "单个文件的最大数据行数",
                "Most data rows (cells of a wide table) one import validates",
                low=1,
            ),
            Option(
                "max_permutations",
                99_999,
                "空间统计的最大置换次数",
                "Most permutations of a spatial statistic",
                low=1,
            ),
            Option(
                "max_permutation_cells",
                200_000_000,
                "地区数 × 置换次数的上限（约 1.6 GB 内存）",
                "Most regions × permutations held at once (about 1.6 GB of float64)",
                low=1,
            ),
            Option(
                "max_bootstrap",
                10_000,
                "自助法（bootstrap）的最大抽样次数",
                "Most bootstrap draws",
                low=1,
            ),
            Option(
                "max_draws",
                1_000_000,
                "蒙特卡洛的最大抽样次数",
                "Most Monte Carlo draws",
                low=1,
            ),
        ),
    )
)

_overrides: dict[str, int] = {}


def limit(name: str) -> int:
    """The current value of limit ``name``: :func:`override`, else ``$YINDI_<NAME>``, else the default."""
    option = TABLE[name]
    if name in _overrides:
        return _overrides[name]
    env = os.environ.get(f"YINDI_{name.upper()}")
    if env is not None:
        try:
            return int(env.replace("_", ""))
        except ValueError:
            raise ParameterError(
                f"The environment variable YINDI_{name.upper()} must be a whole number. Got {env!r}.",
                zh=f"环境变量 YINDI_{name.upper()} 必须是整数，实际为 {env!r}。",
            ) from None
    return int(option.default)


@contextlib.contextmanager
def override(**limits: int) -> Iterator[None]:
    """Raise (or lower) limits inside a ``with`` block."""
    TABLE.resolve(limits)  # unknown names and bad values raise
    saved = dict(_overrides)
    _overrides.update({k: int(v) for k, v in limits.items()})
    try:
        yield
    finally:
        _overrides.clear()
        _overrides.update(saved)


def check(name: str, requested: int | float, where: str, *, what: str, what_zh: str) -> None:
    """Raise :class:`ResourceLimitError` if ``requested`` exceeds limit ``name``."""
    cap = limit(name)
    if requested > cap:
        env = f"YINDI_{name.upper()}"
        raise ResourceLimitError(
            f"{where}: {what} is {requested:,}, above the limit of {cap:,} ({name}) that protects this machine. "
            f"Ask for less, or raise the limit knowingly: {env}={int(requested)} (or yindi.limits.override"
            f"({name}=...)).",
            zh=f"{where}：{what_zh}为 {requested:,}，超过保护本机的上限 {cap:,}（{name}）。请减少，"
            f"或在确知后果时提高上限：{env}={int(requested)}。",
        )


def as_dict() -> dict[str, Any]:
    """Every limit's current value (for docs and ``yindi`` diagnostics)."""
    return {name: limit(name) for name in TABLE.names}
