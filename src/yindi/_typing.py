"""Array aliases and option literals shared across Yindi (one module, so names stay consistent)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray: TypeAlias = npt.NDArray[np.float64]
    IntArray: TypeAlias = npt.NDArray[np.int64]
    BoolArray: TypeAlias = npt.NDArray[np.bool_]
else:

    def __getattr__(name: str) -> Any:
        # the array aliases need NumPy; built on first use so that the literals below load without it
        if name not in ("FloatArray", "IntArray", "BoolArray"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import numpy as np
        import numpy.typing as npt

        value = npt.NDArray[{"FloatArray": np.float64, "IntArray": np.int64, "BoolArray": np.bool_}[name]]
        globals()[name] = value
        return value


Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

Level = Literal["province", "city", "county"]
LEVELS: tuple[Level, ...] = ("province", "city", "county")
