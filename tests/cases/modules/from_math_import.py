# from math import ...: names bound directly, aliases, shadowing, and several import forms.
from math import sqrt, pi, floor, ceil
from math import inf, nan, isnan, isinf
from math import (
    sin,
    cos,
    atan2,
    degrees,
)
from math import factorial as fact, gcd as greatest_common_divisor
import math as m
import math

print(sqrt(16), pi, floor(-1.5), ceil(-1.5))
print(inf, nan, isnan(nan), isinf(-inf), isnan(inf))
print(round(sin(pi / 6), 10), round(cos(pi / 3), 10), degrees(atan2(1, 1)))
print(fact(10), greatest_common_divisor(84, 36))
print(m.sqrt(2), m is math, m.pi == pi, sqrt is math.sqrt)
print(fact.__name__, greatest_common_divisor.__name__)

# importing again is harmless and returns the same module
import math
from math import sqrt
print(math is m, sqrt(81))

# imports inside a function are local to it
def local_import():
    from math import tau, e
    import math as mm
    return tau, e, mm.floor(e)

print(local_import())
try:
    tau
except NameError as err:
    print(type(err).__name__, err)

# shadowing an imported name, then getting it back
sqrt = lambda x: "shadowed"
print(sqrt(4))
from math import sqrt
print(sqrt(4))

# missing names
try:
    from math import does_not_exist
except ImportError as err:
    print(type(err).__name__, str(err).split(" (")[0])
try:
    import no_such_module_for_pyvm_tests
except ImportError as err:
    print(type(err).__name__, err)
try:
    import no_such_module_for_pyvm_tests
except ModuleNotFoundError as err:
    print(type(err).__name__, err.name)

# use imported functions in a small computation: area of polygons
def polygon_area(n, side):
    return n * side * side / (4 * math.tan(pi / n))

for n in [3, 4, 6, 12]:
    print(n, round(polygon_area(n, 1.0), 6))

# circle helpers using imported constants
for r in [0, 1, 2.5, 10**6]:
    print("circle", r, pi * r * r, 2 * pi * r)
