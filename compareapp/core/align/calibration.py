"""How sure a link is: a logistic map from what the aligner knows of a link to a probability.

The raw score means different things in different comparisons: 0.40 is a good link between
two free retellings of a fable and a poor one between two drafts of an essay, where the
true links score 0.9. So the probability also looks at the comparison's typical score (the
median score of pairs that are each other's best) and at how the link was made. The
coefficients are fitted on the training folds of the development cases
(``benchmarks/alignment_calibration.py``): one threshold on the probability means about the
same on fables, essays and news.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy only to fit, in the benchmark: links.py imports this module
    import numpy as np
    import numpy.typing as npt

CALIBRATION = (-2.348, 5.289, 0.52, 0.697, 0.159, 0.0)
"""Coefficients of :func:`link_features` (the first is the intercept): the fit on all
development cases that ``benchmarks/alignment_cv.py`` prints. Held out, the mean
probability of a link was 0.63 on fables (0.62 right), 0.96 on essays (0.96 right)."""
ORIGINS = ("candidate", "gap", "sentence", "repeat")
"""How a link was made: the candidate pass, the in-order pass, a sentence match, a repeat."""


def link_features(score: float, typical: float, shorter: int, origin: str) -> list[float]:
    """1, the score, the score less the comparison's typical score, the log of the shorter
    side's informative terms, and whether the link was made in order (the in-order gap pass
    or the retelling pass) or by its sentences."""
    return [
        1.0,
        score,
        score - typical,
        math.log1p(shorter),
        float(origin == "gap"),
        float(origin == "sentence"),
    ]


def probability(features: Sequence[float], coefficients: Sequence[float] = CALIBRATION) -> float:
    """The logistic of the features' weighted sum, rounded to two places."""
    total = sum(w * x for w, x in zip(coefficients, features, strict=True))
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total)))), 2)


def fit(
    features: npt.NDArray[np.float64], right: npt.NDArray[np.bool_], ridge: float = 1.0
) -> tuple[float, ...]:
    """Logistic regression by Newton's method, with a small ridge on all but the intercept."""
    import numpy as np

    weights = np.zeros(features.shape[1])
    penalty = np.full(features.shape[1], ridge)
    penalty[0] = 0.0
    target = right.astype(np.float64)
    for _ in range(50):
        predicted = 1.0 / (1.0 + np.exp(-np.clip(features @ weights, -30, 30)))
        gradient = features.T @ (predicted - target) + penalty * weights
        curvature = (features * (predicted * (1 - predicted))[:, None]).T @ features
        step = np.linalg.solve(curvature + np.diag(penalty + 1e-9), gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return tuple(round(float(w), 3) for w in weights)
