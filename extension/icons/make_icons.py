#!/usr/bin/env python3
"""Draws Followback's toolbar/store icons (a green disc with a white check)
as PNGs at 16, 32, 48 and 128 px, with no dependency beyond the standard
library. Run once from this folder; the PNGs are committed. build.sh leaves
this script out of dist/."""
import math
import struct
import zlib

GREEN = (29, 155, 90)
WHITE = (255, 255, 255)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def pixel(x, y, size):
    """RGBA of one pixel, 4x4 supersampled."""
    acc = [0.0, 0.0, 0.0, 0.0]
    n = 4
    for sy in range(n):
        for sx in range(n):
            u = (x + (sx + 0.5) / n) / size
            v = (y + (sy + 0.5) / n) / size
            if math.hypot(u - 0.5, v - 0.5) > 0.48:
                continue
            d = min(seg_dist(u, v, 0.27, 0.52, 0.43, 0.68), seg_dist(u, v, 0.43, 0.68, 0.74, 0.34))
            colour = WHITE if d < 0.075 else GREEN
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
