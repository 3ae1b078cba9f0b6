"""Reference implementations for the public-health method tests, written independently of
the engine: one group at a time, plain Python loops, and mpmath (40 digits) for the
quantiles and the Poisson limits. Each follows the published formula named in its
docstring, not the engine's code.
"""

from __future__ import annotations

import mpmath

mpmath.mp.dps = 40


def z(confidence: float) -> mpmath.mpf:
    """Two-sided normal quantile, √2·erfinv(confidence)."""
    return mpmath.sqrt(2) * mpmath.erfinv(mpmath.mpf(confidence))


def byar(o: float, confidence: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Byar's limits of a count (Breslow & Day 1987; PHEindicatormethods byars_lower/upper)."""
    zz, x = z(confidence), mpmath.mpf(o)
    lower = x * (1 - 1 / (9 * x) - zz / (3 * mpmath.sqrt(x))) ** 3
    upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + zz / (3 * mpmath.sqrt(x + 1))) ** 3
    return lower, upper


def poisson_cdf(k: int, lam: mpmath.mpf) -> mpmath.mpf:
    return mpmath.fsum(mpmath.exp(-lam) * lam**i / mpmath.factorial(i) for i in range(k + 1))


def exact_poisson(o: int, confidence: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Garwood's exact limits: λ with P(X ≥ o) = α/2 and P(X ≤ o) = α/2, by root-finding."""
    half = (1 - mpmath.mpf(confidence)) / 2
    lower = mpmath.mpf(0) if o == 0 else mpmath.findroot(
        lambda lam: 1 - poisson_cdf(o - 1, lam) - half, o / 2 + 0.5)
    upper = mpmath.findroot(lambda lam: poisson_cdf(o, lam) - half, 2 * o + 3)
    return lower, upper


def poisson_limits(o: float, confidence: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    """phe_rate's rule: exact below 10 events, Byar from 10."""
    return exact_poisson(int(o), confidence) if o < 10 else byar(o, confidence)


def dsr(events: list[float], people: list[float], weights: list[float], multiplier: float,
        confidence: float) -> tuple[float, float, float]:
    """DSR and Dobson limits, transcribed from PHEindicatormethods phe_dsr (R/DSR.R):
    wt_rate = x·stdpop/n, sq_rate = x·(stdpop/n)², value = Σwt_rate/Σstdpop × multiplier,
    vardsr = Σsq_rate/(Σstdpop)², limit = value + √(vardsr/O)·(O_lim − O) × multiplier."""
    total_w = mpmath.fsum(weights)
    wt_rate = mpmath.fsum(mpmath.mpf(x) * w / n for x, n, w in zip(events, people, weights,
                                                                   strict=True))
    sq_rate = mpmath.fsum(mpmath.mpf(x) * (mpmath.mpf(w) / n) ** 2 for x, n, w in
                          zip(events, people, weights, strict=True))
    value = wt_rate / total_w * multiplier
    var = sq_rate / total_w**2
    o = mpmath.fsum(events)
    lo, hi = poisson_limits(float(o), confidence)
    scale = mpmath.sqrt(var / o) * multiplier
    return float(value), float(value + scale * (lo - o)), float(value + scale * (hi - o))


def life_table(starts: list[int], deaths: list[float], people: list[float],
               a0: float = 0.1) -> tuple[list[float], list[float]]:
    """Life expectancy and its SE at every band start: PHEindicatormethods
    phe_life_expectancy (R/LifeExpectancy.R) transcribed row by row, plain floats."""
    k = len(starts)
    n = [starts[i + 1] - starts[i] for i in range(k - 1)]
    a = [a0 if s == 0 else 0.5 for s in starts]
    m = [d / p for d, p in zip(deaths, people, strict=True)]
    q = []
    for i in range(k - 1):
        if deaths[i] <= people[i] / n[i] / a[i]:
            q.append(m[i] * n[i] / (1 + m[i] * n[i] * (1 - a[i])))
        else:
            q.append(1.0)
    q.append(1.0)
    lx = [100000.0]
    for i in range(1, k):
        lx.append(lx[i - 1] * (1 - q[i - 1]))
    dx = [lx[i] - (lx[i + 1] if i + 1 < k else 0.0) for i in range(k)]
    big_l = [n[i] * (lx[i + 1] + a[i] * dx[i]) for i in range(k - 1)] + [lx[-1] / m[-1]]
    tx = [sum(big_l[i:]) for i in range(k)]
    ex = [0.0 if lx[i] == 0 else tx[i] / lx[i] for i in range(k)]
    spi = [0.0 if dx[i] == 0 else q[i] ** 2 * (1 - q[i]) / deaths[i] for i in range(k)]
    spi[-1] = 4 / (deaths[-1] * m[-1] ** 2)
    w = [spi[i] * lx[i] ** 2 * ((1 - a[i]) * n[i] + ex[i + 1]) ** 2 for i in range(k - 1)]
    w.append((lx[-1] / 2) ** 2 * spi[-1])
    se = [(sum(w[i:]) / lx[i] ** 2) ** 0.5 for i in range(k)]
    return ex, se
