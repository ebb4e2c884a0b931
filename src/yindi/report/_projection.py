"""Albers equal-area conic projection (spherical form), implemented from Snyder (1987).

Maps of China conventionally use central meridian 105°E and standard parallels 25°N and 47°N; areas are
true, so choropleth colours are not visually weighted towards the north as on a plate carrée map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray


@dataclass(frozen=True, slots=True)
class Albers:
    """Albers equal-area conic on a sphere of radius ``radius`` (degrees in, projection units out).

    Notes
    -----
    Snyder (1987), eqs. (14-1) to (14-6), p. 100::

        n  = (sin φ1 + sin φ2) / 2
        C  = cos² φ1 + 2 n sin φ1
        ρ  = R √(C − 2 n sin φ) / n,   ρ0 likewise at the latitude of origin φ0
        θ  = n (λ − λ0)
        x  = ρ sin θ,   y = ρ0 − ρ cos θ

    The spherical form is used (Snyder's worked example, p. 291, is the reference test); the ellipsoidal
    form differs by well under a pixel at report scale after the uniform rescaling the maps apply.

    References
    ----------
    Snyder, J. P. (1987). *Map Projections — A Working Manual*. U.S. Geological Survey Professional Paper
    1395, pp. 98–103 and 291–292.
    """

    lon0: float = 105.0
    lat1: float = 25.0
    lat2: float = 47.0
    lat0: float = 0.0
    radius: float = 1.0

    @property
    def n(self) -> float:
        return float((np.sin(np.radians(self.lat1)) + np.sin(np.radians(self.lat2))) / 2)

    @property
    def c(self) -> float:
        p1 = np.radians(self.lat1)
        return float(np.cos(p1) ** 2 + 2 * self.n * np.sin(p1))

    def rho(self, lat: FloatArray | float) -> FloatArray:
        """ρ of eq. (14-3) for latitudes in degrees."""
        phi = np.radians(np.asarray(lat, dtype=np.float64))
        return np.asarray(self.radius * np.sqrt(self.c - 2 * self.n * np.sin(phi)) / self.n, dtype=np.float64)

    def forward(self, lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Project longitudes/latitudes (degrees, any shape) to ``(x, y)`` of the same shape."""
        lon = np.asarray(lon, dtype=np.float64)
        dlon = (lon - self.lon0 + 180.0) % 360.0 - 180.0
        theta = self.n * np.radians(dlon)
        rho = self.rho(lat)
        rho0 = self.rho(self.lat0)
        return rho * np.sin(theta), rho0 - rho * np.cos(theta)

    def forward_xy(self, coords: FloatArray) -> FloatArray:
        """Project an ``(m, 2)`` array of lon/lat rows to an ``(m, 2)`` array of x/y rows."""
        x, y = self.forward(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])


#: The projection every Yindi map of China uses.
CHINA_ALBERS = Albers()
