# math functions called in hot loops: the same results as the interpreter, the same errors
# (domain and range) when an argument leaves the domain mid-loop, and rebinding honoured.
import math
from math import sqrt, sin


def norms(n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(i * 0.5) + sqrt(i) + sin(i * 0.01) + math.cos(i * 0.02)
    return total


def waves(n):
    acc = 0.0
    x = 0.0
    while x < n:
        acc += math.exp(-x * 0.001) * math.tanh(x * 0.01) - math.atan(x) + math.sinh(x * 0.001)
        x += 0.25
    return acc


def domain(values):
    out = []
    for v in values:
        try:
            out.append(math.sqrt(v))
        except ValueError as e:
            out.append(str(e))
    return out


def overflow(n):
    x = 1.0
    try:
        for i in range(n):
            x = math.exp(x * 0.5 + i * 0.01)
    except OverflowError as e:
        return ("overflow", i, str(e))
    return x


def specials():
    out = []
    for v in [0.0, -0.0, float("inf"), float("nan"), 1e-320, 1e308] * 20:
        out.append(repr(math.sqrt(v)) + " " + repr(math.tanh(v)) + " " + repr(math.atan(v)))
    return out[:6]


print(repr(norms(3000)))
print(repr(waves(500)))
print(domain([float(k) for k in range(200)] + [-1.0] + [4.0] * 50)[-55:-45])
print(overflow(3000))
print(specials())
ints = 0.0
for k in range(2000):
    ints += math.sqrt(k) * math.sin(k)
print(repr(ints))


def rebound(n):
    s = 0.0
    for i in range(n):
        if i == n // 2:
            math.sqrt = lambda x: -1.0
        s += math.sqrt(4.0)
    return s


real_sqrt = math.sqrt
print(rebound(1000))
math.sqrt = real_sqrt
