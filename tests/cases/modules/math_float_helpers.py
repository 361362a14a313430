# math float helpers: isnan, isinf, isfinite, isclose, fsum, modf, frexp, ldexp, copysign, fmod.
import math

vals = [0.0, -0.0, 1.5, -2, 10**30, math.inf, -math.inf, math.nan, 1e308 * 10]
for v in vals:
    print(repr(v), math.isnan(v), math.isinf(v), math.isfinite(v))

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10))
print(math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.02))
print(math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(0.1 + 0.2, 0.3))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)

print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 10 for x in range(11)))
try:
    math.fsum([math.inf, -math.inf])
except ValueError as e:
    print(type(e).__name__, e)

for x in [3.75, -3.75, 0.0, 5, -0.5, math.inf, 1e20]:
    print("modf", x, math.modf(x))
for x in [8.0, 1.0, 0.1, -3.0, 0.0, 1e300, 2**-1074]:
    m, e = math.frexp(x)
    print("frexp", x, m, e, math.ldexp(m, e) == x)
print(math.ldexp(1, 10), math.ldexp(0.5, -2), math.ldexp(3, 0), math.ldexp(1, -1080), math.ldexp(-1, 1))
try:
    math.ldexp(1, 2000)
except OverflowError as e:
    print(type(e).__name__, e)

print(math.copysign(3, -0.0), math.copysign(-3, 1), math.copysign(0.0, -1), math.copysign(math.inf, -2))
print(math.copysign(1, math.nan), math.copysign(2, -math.nan))

for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (5.5, 2), (1e20, 3), (0, 5)]:
    print("fmod", a, b, math.fmod(a, b), "vs %", a % b)
try:
    math.fmod(1, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.fmod(math.inf, 1)
except ValueError as e:
    print(type(e).__name__, e)
print(math.fmod(1, math.inf), math.remainder(7, 3), math.remainder(8, 3))

# nan propagation
print(math.nan + 1, math.nan * 0, math.inf - math.inf, math.inf * 0, -math.inf * -1)
print(math.dist((0, 0), (3, 4)), math.dist((1, 1, 1), (2, 2, 2)))
