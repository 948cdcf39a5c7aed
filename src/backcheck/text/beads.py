"""The monotonic "bead" dynamic program shared by sentence pairing and source alignment.

Two sequences of lengths ``n`` and ``m`` are cut into consecutive beads of ``(di, dj)`` items, one
bead shape from ``moves`` at a time, minimising the summed bead cost (Gale & Church 1993).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Bead = tuple[int, int, int, int]  # (i, a, j, b): items [i, a) of the first sequence, [j, b) of the second


def best_beads(n: int, m: int, moves: Iterable[tuple[int, int]],
               cost: Callable[[int, int, int, int], float]) -> list[Bead]:
    """The cheapest path of beads from (0, 0) to (n, m), in order; on ties the first path found wins.

    ``cost(i, a, j, b)`` is the cost of the bead covering ``[i, a)`` and ``[j, b)``; ``moves`` must
    include (1, 0) and (0, 1) or otherwise make (n, m) reachable.
    """
    moves = list(moves)
    inf = float("inf")
    total = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    total[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if total[i][j] == inf:
                continue
            for di, dj in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                c = total[i][j] + cost(i, a, j, b)
                if c < total[a][b]:
                    total[a][b] = c
                    back[a][b] = (i, j)
    beads: list[Bead] = []
    a, b = n, m
    while (a, b) != (0, 0):
        prev = back[a][b]
        if prev is None:
            raise RuntimeError(f"no bead path reaches ({n}, {m}) with moves {moves}")
        beads.append((prev[0], a, prev[1], b))
        a, b = prev
    beads.reverse()
    return beads
