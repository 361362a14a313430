# import math: constants, sqrt, floor, ceil, trunc, fabs, and their behaviour on edge values.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(repr(math.pi), type(math.inf).__name__, math.tau == 2 * math.pi)
print(math.inf > 10**300, math.nan == math.nan, math.nan != math.nan)

for x in [0, 1, 2, 4, 0.25, 2.0, 1e-300, 1e300, 10**40, math.inf]:
    print("sqrt", x, math.sqrt(x))
print("sqrt -0.0", math.sqrt(-0.0), "nan", math.sqrt(math.nan))

values = [2.5, -2.5, 3.0, -3.0, 0.0, -0.0, 0.9999999999999999, -1e-9, 1e20, 7, -7, 10**30]
for x in values:
    print(x, "floor", math.floor(x), "ceil", math.ceil(x), "trunc", math.trunc(x))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__, type(math.trunc(2.5)).__name__)
print(math.floor(True), math.ceil(False))

for bad in [math.inf, -math.inf]:
    try:
        math.floor(bad)
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    math.ceil(math.nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.trunc(math.nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.floor("3")
except TypeError as e:
    print(type(e).__name__, e)

print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), math.fabs(-math.inf), math.fabs(-10**20))
print(math.sqrt(2) ** 2, math.sqrt(2) ** 2 == 2)

# module object
print(type(math).__name__, math.__name__)
print(math.sqrt is math.sqrt, math.sqrt.__name__)

# Newton's method compared against math.sqrt
def newton_sqrt(a):
    x = a
    for _ in range(60):
        x = (x + a / x) / 2
    return x

for a in [2, 10, 12345.678, 1e-4]:
    print(a, newton_sqrt(a), math.sqrt(a), math.isclose(newton_sqrt(a), math.sqrt(a)))

# distance between points
points = [(0, 0), (3, 4), (-1, -1), (6, 8)]
for (x1, y1), (x2, y2) in zip(points, points[1:]):
    print("distance", math.sqrt((x2 - x1) ** 2 + (y2 - y1) ** 2))

# attribute error on the module
try:
    math.not_a_function
except AttributeError as e:
    print(type(e).__name__, e)
