# Complex arithmetic in hot loops: julia-like iteration, boundary values of abs, mixed operands.
import math


def julia_count(z, c, limit):
    n = 0
    while abs(z) < 2 and n < limit:
        z = z * z + c
        n += 1
    return n, z


def escape_le(z, c, limit):
    n = 0
    while n < limit and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    return n


def grid(size, c, limit):
    total = 0
    rows = []
    for yi in range(size):
        row = 0
        for xi in range(size):
            z = complex(-1.5 + 3.0 * xi / size, -1.5 + 3.0 * yi / size)
            k = 0
            while abs(z) < 2 and k < limit:
                z = z * z + c
                k += 1
            row += k
        rows.append(row)
        total += row
    return total, rows[:5]


def boundary(n):
    vals = [2 + 0j, 1.2 + 1.6j, -2 + 0j, 0 - 2j, 1.6 - 1.2j, complex(2.0, 1e-300),
            complex(math.sqrt(2), math.sqrt(2)), 1.9999999999999998 + 0j]
    out = []
    for i in range(n):
        z = vals[i % len(vals)]
        a = abs(z)
        inside = a < 2
        if i >= n - len(vals):
            out.append((repr(a), inside, a == 2.0))
    return out


def hypot_edges(n):
    pairs = [(3.0, 4.0), (1e308, 1e308), (1e-320, 1e-320), (0.0, -0.0), (-5.0, 12.0),
             (1.2, 1.6), (2.0, 0.0)]
    out = []
    for i in range(n):
        x, y = pairs[i % len(pairs)]
        h = math.hypot(x, y)
        a = abs(complex(x, y))
        if i >= n - len(pairs):
            out.append((repr(h), repr(a), h == a))
    return out


def mixed_operands(n):
    z = 0j
    acc = []
    for i in range(n):
        z = z + 1
        z = z * 1.0
        z = z - 0.5j
        z = 2 * z / 2
        z = z + (i % 3)
        z = 0.5 + z
        if i % 400 == 399:
            acc.append(repr(z))
    return acc


def real_imag(n):
    z = 0.5 + 0.25j
    sr = 0.0
    si = 0.0
    for i in range(n):
        z = z * (0.99 + 0.05j)
        sr += z.real
        si += z.imag
    return repr(sr), repr(si), repr(z.conjugate())


def power_div(n):
    z = 1 + 1j
    out = []
    for i in range(n):
        w = z ** 2
        q = w / z
        z = q + 0.001
        if i % 500 == 0:
            out.append(repr(z))
    try:
        z / 0
    except ZeroDivisionError as e:
        out.append(str(e))
    return out


def complex_compare(n):
    eq = 0
    for i in range(n):
        z = complex(i % 3, 0)
        if z == i % 3:
            eq += 1
        if z != 1.0:
            eq += 10
    return eq


print(julia_count(0j, -0.8 + 0.156j, 1000))
print(julia_count(0j, 0.25 + 0j, 2000))
print(julia_count(2 + 0j, 0j, 1000))
print(julia_count(1.2 + 1.6j, 0j, 1000))
print(julia_count(1 + 0j, 0j, 1500))
print(escape_le(2 + 0j, 0j, 10), escape_le(1.2 + 1.6j, 0j, 10), escape_le(-1 + 0j, -1 + 0j, 2000))
print(grid(24, -0.62772 - 0.42193j, 60))
print(boundary(2000))
print(hypot_edges(1500))
print(mixed_operands(2000))
print(real_imag(2000))
print(power_div(1500))
print(complex_compare(1500))
