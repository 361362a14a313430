# math.gamma and lgamma (CPython's Lanczos code), logs of ints too large for a float,
# hypot near the overflow threshold, and the math.name() argument messages.
import math

for x in [1, 2, 0.5, -0.5, 5, 10.5, 23, 24, 171, 171.5, -1.5, -170.5, 1e-30, -1e-30, 1e-320, 200.5, -200.5, float("inf"), float("nan")]:
    out = []
    for f in (math.gamma, math.lgamma):
        try:
            out.append(f(x))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(x, out)
for x in [0, -1, -2.0, float("-inf"), 172]:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, x, f(x))
        except (ValueError, OverflowError) as e:
            print(f.__name__, x, type(e).__name__, e)

print(math.log(10 ** 400), math.log(10 ** 400, 10), math.log2(10 ** 400), math.log10(10 ** 400))
print(math.log(2 ** 1100), math.log10(2 ** 1100), math.log(3 ** 800, 3), math.log(7, 10 ** 400))
print(math.log(2 ** 1024 - 1), math.log(2 ** 1024 + 2 ** 970), math.log1p(-0.0), math.log(True))
print(math.hypot(1e308, 10), math.hypot(1e308, 1e308 / 2), math.dist((1e308,), (-1e307,)))
print(math.asinh(1e308), math.acosh(1e308), math.atanh(0.5), math.cbrt(2), math.cbrt(-1e308))
for call in [lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.log(0), lambda: math.log(-10 ** 400),
             lambda: math.log(0.0), lambda: math.log(2, 1), lambda: math.sqrt(), lambda: math.gamma(),
             lambda: math.log1p(-1), lambda: math.exp(1000), lambda: math.isclose(1), lambda: math.isclose(1, 2, 3),
             lambda: math.log("x"), lambda: math.lgamma(None), lambda: math.sqrt(x=1), lambda: math.log(x=1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
