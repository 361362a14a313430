# Source positions (co_positions) for definitions, comprehensions, generators and nested scopes.
import math


def decorate(f):
    return f


@decorate
def decorated(a, b=math.pi, *args, c=1, **kw):
    """Docstring."""
    return a


class Shape:
    sides = 0

    def __init__(self, n):
        self.n = n

    @property
    def area(self):
        return self.n ** 2

    def grow(self, k):
        self.n *= k
        return self


def gen(n):
    for i in range(n):
        received = yield i * 2
        if received:
            yield from range(received)
    return n


def closures(x):
    y = 1

    def inner(z):
        nonlocal y
        y += z
        return x + y + z

    squares = [inner(v) ** 2 for v in range(3) if v]
    table = {k: [j for j in range(k)] for k in squares}
    total = sum(v * v for v in squares)
    return table, total, lambda: inner(0)


def unpacking(pairs):
    (a, b), *rest = pairs
    for (k, v), w in zip(pairs, rest):
        a, b = b, a
    return a, b


def show(func):
    print(func.__qualname__)
    for i, p in enumerate(func.__code__.co_positions()):
        print(" ", i, func.__code__.co_code[2 * i], p)


for func in [decorated, Shape.__init__, Shape.grow, gen, closures, unpacking]:
    show(func)
for const in closures.__code__.co_consts:
    if hasattr(const, "co_positions"):
        print(const.co_name, list(const.co_positions()))
