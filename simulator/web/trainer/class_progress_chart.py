"""The class chart: each finished negotiation as a dot, margin kept (x) against the E4 mark (y)."""

from __future__ import annotations

import math
from typing import Any

from simulator.operations.class_progress import Progress

W, H, LEFT, RIGHT, TOP, BOTTOM = 640, 320, 56, 20, 16, 48
#: keeps the dots off the axes (a no-deal dot sits at 0 %, a poor mark near 0)
PAD = 12


def scatter(rows: list[Progress]) -> dict[str, Any]:
    """SVG geometry of the class: margin as a share of each student's own target, mark out of 20.

    Students work on different seeds, so euros are not comparable; the share of the target is.
    A negotiation without agreement keeps no margin: its dot sits at 0 %.
    """
    finished = [r for r in rows if r.figures is not None]
    shares = [_share(r) for r in finished]
    span = max([120.0] + shares) - min([0.0] + shares)
    step = 20 if span <= 200 else 50 if span <= 500 else 100
    low = math.floor(min([0.0] + shares) / step) * step
    high = math.ceil(max([120.0] + shares) / step) * step

    def x(share: float) -> float:
        return round(LEFT + PAD + (W - LEFT - RIGHT - PAD) * (share - low) / (high - low), 1)

    def y(mark: float) -> float:
        return round(TOP + (H - TOP - BOTTOM - PAD) * (1 - mark / 20), 1)

    points = [
        {
            "x": x(s),
            "y": y(float(r.figures.score)),
            "name": r.name if (r.attempt_count or 0) <= 1 else f"{r.name} ({r.attempt})",
            "share": s,
            "deal": r.figures.margin is not None,
            "margin": r.figures.margin,
            "score": r.figures.score,
            "student_id": r.student_id,
        }
        for r, s in zip(finished, shares, strict=True)
        if r.figures is not None  # always: `finished` keeps only these
    ]
    return {
        "w": W,
        "h": H,
        "left": LEFT,
        "right": W - RIGHT,
        "top": TOP,
        "bottom": H - BOTTOM,
        "points": points,
        "xticks": [(x(v), v) for v in range(int(low), int(high) + 1, step)],
        "yticks": [(y(v), v) for v in range(0, 21, 5)],
        "target": x(100.0),
        "pass_mark": y(10.0),
    }


def _share(row: Progress) -> float:
    f = row.figures
    assert f is not None
    return 0.0 if f.margin_vs_target is None else float(f.margin_vs_target)
