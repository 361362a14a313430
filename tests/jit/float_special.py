# -0.0, inf and nan propagation through hot loops (reprs printed).
import math

inf = float("inf")
nan = float("nan")


def signed_zero(n):
    out = set()
    a = 0.0
    for i in range(n):
        z = -0.0 * 1
        w = 0.0 * -1
        u = -0.0 + -0.0
        v = -0.0 - 0.0
        t = 0.0 - 0.0
        m = -0.0 * (i % 3)
        d = -1.0 / inf
        a = a * -1.0
        out.add((repr(z), repr(w), repr(u), repr(v), repr(t), repr(d)))
        if i == n - 1:
            last = (repr(m), repr(a), repr(-(0.0)), repr(-0.0 + 0), repr(0 * -1.0))
    return sorted(out), last


def inf_minus_inf(n):
    vals = [inf, -inf, 1e308, -1e308]
    out = []
    for i in range(n):
        x = vals[i % 4]
        y = x - x
        z = x * 10
        w = x + x
        if i >= n - 4:
            out.append((repr(y), repr(z), repr(w), repr(x * 0.0)))
    return out


def nan_compare(n):
    c = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        x = nan if i % 5 == 0 else float(i)
        if x < 1000.0:
            c[0] += 1
        if x == x:
            c[1] += 1
        if x != x:
            c[2] += 1
        if not (x >= 1000.0):
            c[3] += 1
        if x > -1.0:
            c[4] += 1
        if x <= 1e9:
            c[5] += 1
    return c


def nan_while(n):
    x = 0.0
    i = 0
    while x == x and i < n:
        x += 1.0
        if i == n // 2:
            x = inf - inf
        i += 1
    return repr(x), i


def nan_while_ne(n):
    x = 0.0
    i = 0
    while not (x != x) and x < 1e9:
        i += 1
        x = x + 1.0 if i < n else nan
    return repr(x), i


def nan_accumulate(n):
    s = 0.0
    mx = -inf
    for i in range(n):
        v = float(i) if i != n // 3 else nan
        s += v
        if v > mx:
            mx = v
    return repr(s), repr(mx)


def complex_zero(n):
    out = set()
    for i in range(n):
        z = complex(-0.0, -0.0)
        w = complex(0.0, -0.0) * 1
        u = -z
        v = z + 0
        x = complex(-0.0, 0.0) * (-1)
        out.add((repr(z), repr(w), repr(u), repr(v), repr(x), repr(z.real), repr(z.imag)))
    return sorted(out)


def complex_abs(n):
    out = set()
    vals = [complex(nan, inf), complex(inf, nan), complex(nan, 0.0), complex(-inf, 1.0),
            complex(-0.0, -0.0), complex(3.0, -4.0)]
    for i in range(n):
        z = vals[i % len(vals)]
        out.add((repr(z), repr(abs(z))))
    return sorted(out)


def zero_products(n):
    s = 0.0
    for i in range(n):
        s = s * -1.0 + 0.0 * -1.0
    return repr(s), math.copysign(1.0, s)


def min_max_zero(n):
    lo = 0.0
    hi = -0.0
    for i in range(n):
        lo = min(lo, -0.0)
        hi = max(hi, 0.0)
    return repr(lo), repr(hi)


def hypot_special(n):
    out = set()
    for i in range(n):
        out.add(repr(math.hypot(inf, nan)) + repr(math.hypot(nan, 1.0)) + repr(math.hypot(-0.0, 0.0)))
    return out


print(signed_zero(2000))
print(inf_minus_inf(2000))
print(nan_compare(2000))
print(nan_while(2000))
print(nan_while_ne(1500))
print(nan_accumulate(2000))
print(complex_zero(1500))
print(complex_abs(1500))
print(zero_products(2001))
print(min_max_zero(1500))
print(hypot_special(1500))
