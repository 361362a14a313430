# Calls of the number types in hot loops: complex(re, im), complex(x), float(x) on ints and
# floats (signed zeros, nan, inf, ints past 2**53), then `complex` rebound mid-loop.
import math


def build(n):
    zs = []
    for i in range(n):
        x = -1.8 + i * 0.01
        zs.append(complex(x, -x))
        zs.append(complex(i, 0.5))
        zs.append(complex(x))
        zs.append(complex(i))
    return zs


def specials(vals, n):
    zs = []
    ws = []
    fs = []
    for i in range(n):
        a = vals[i % len(vals)]
        b = vals[(i * 3 + 1) % len(vals)]
        z = complex(a, b)
        zs.append(z)
        ws.append(complex(b))
        fs.append(float(a))
        zs.append(complex(z))
    return zs, ws, fs


def doubled(a, b=0.0):
    return a * 2 + b * 1j


def rebound(n):
    global complex
    total = 0j
    for i in range(n):
        if i == n // 2:
            complex = doubled
        total += complex(i * 0.5, 1)
    del complex
    return total


zs = build(400)
print(len(zs), zs[:4], zs[-4:], sum(zs))
for vals in ([0.0, -0.0, math.inf, -math.inf, math.nan, 1.5],
             [2 ** 53 + 1, -(2 ** 62), 7, 0, -1]):
    zs, ws, fs = specials(vals, 200)
    for k in range(len(zs) - 2 * len(vals), len(zs), 2):
        print(repr(zs[k]), repr(zs[k + 1]), repr(ws[k // 2]), repr(fs[k // 2]))
print(rebound(300))
print(complex(1, 2))
