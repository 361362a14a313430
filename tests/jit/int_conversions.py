# int() of floats and ints in hot loops: truncation toward zero, -0.0, and the values that
# leave the i64 range, infinities and NaN (the interpreter's big ints and errors).
import math


def truncations(n):
    out = []
    for i in range(n):
        x = (i - n * 0.5) * 0.37
        out.append(int(x) + int(-x) * 2 + int(i))
    return sum(out), out[:5], out[-5:]


def edges(values):
    out = []
    for v in values:
        try:
            out.append(int(v))
        except (OverflowError, ValueError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def growing(n):
    x = 1.5
    last = 0
    for i in range(n):
        x = x * 3.0
        last = int(x)
    return last


def sqrt_bounds(limit):
    count = 0
    for n in range(2, limit):
        r = math.sqrt(n)
        for d in range(2, int(r) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count


print(truncations(400))
floats = [0.5 * k for k in range(-40, 40)] + [-0.0, 0.999999, -0.999999, 2.0**62, -(2.0**63),
                                               2.0**63, -(2.0**63) * 1.5, 1e300, -1e300]
print(edges(floats))
print(edges(floats + [float("inf")] + floats + [float("nan")] + floats + [float("-inf")]))
print(growing(30))
print(growing(60))
print(sqrt_bounds(3000))
