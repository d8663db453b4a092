#!/usr/bin/env python3
"""Draws Followback's toolbar/store icons as PNGs at 16, 32, 48 and 128 px,
with no dependency beyond the standard library. Run once from this folder;
the PNGs are committed. build.sh leaves this script out of dist/.

The glyph is a white U-turn arrow ("follow back": the arrow goes out and comes
back) on a violet rounded square: it reads at 16 px, and it is neither a
check mark nor a green or blue disc, so it does not look like X's "verified"
mark. The 128 px icon follows the stores' rule of 96 px of art centred in a
transparent 128 px canvas (16 px padding each side); the small toolbar sizes
use almost the whole canvas, as the browsers draw them without a frame."""
import math
import struct
import zlib

VIOLET = (91, 63, 209)
WHITE = (255, 255, 255)

# Art size as a share of the canvas, per icon size.
ART_SHARE = {16: 1.0, 32: 0.94, 48: 0.92, 128: 0.75}

STROKE = 0.14  # the arrow's line width, as a share of the art square
TOP_Y, BOTTOM_Y = 0.32, 0.68
ARC_X = 0.56  # where the straight lines meet the half circle
ARC_R = (BOTTOM_Y - TOP_Y) / 2
START_X = 0.24  # left end of the top line
HEAD = ((0.16, BOTTOM_Y), (0.42, BOTTOM_Y - 0.17), (0.42, BOTTOM_Y + 0.17))  # arrowhead, tip first


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def in_rounded_square(u, v, radius=0.22):
    cx = min(max(u, radius), 1 - radius)
    cy = min(max(v, radius), 1 - radius)
    return 0 <= u <= 1 and 0 <= v <= 1 and math.hypot(u - cx, v - cy) <= radius


def in_triangle(p, a, b, c):
    def side(p1, p2, p3):
        return (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])

    d1, d2, d3 = side(p, a, b), side(p, b, c), side(p, c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def on_arrow(u, v):
    half = STROKE / 2
    cy = (TOP_Y + BOTTOM_Y) / 2
    d = min(
        seg_dist(u, v, START_X, TOP_Y, ARC_X, TOP_Y),
        seg_dist(u, v, HEAD[1][0] - 0.02, BOTTOM_Y, ARC_X, BOTTOM_Y),
        abs(math.hypot(u - ARC_X, v - cy) - ARC_R) if u >= ARC_X else 1.0,
    )
    # Round cap at the start of the line.
    return d <= half or in_triangle((u, v), *HEAD)


def pixel(x, y, size):
    """RGBA of one pixel, 4x4 supersampled."""
    share = ART_SHARE[size]
    margin = (1 - share) / 2
    acc = [0.0, 0.0, 0.0, 0.0]
    n = 4
    for sy in range(n):
        for sx in range(n):
            u = ((x + (sx + 0.5) / n) / size - margin) / share
            v = ((y + (sy + 0.5) / n) / size - margin) / share
            if not in_rounded_square(u, v):
                continue
            colour = WHITE if on_arrow(u, v) else VIOLET
            for i in range(3):
                acc[i] += colour[i]
            acc[3] += 255
    cover = acc[3] / 255
    if cover == 0:
        return (0, 0, 0, 0)
    return tuple(round(acc[i] / cover) for i in range(3)) + (round(acc[3] / (n * n)),)


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for s in (16, 32, 48, 128):
        with open(f"icon-{s}.png", "wb") as f:
            f.write(png(s))
