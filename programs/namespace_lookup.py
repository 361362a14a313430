"""Namespace lookups (chapter 4): `math.sin` versus `from math import sin` versus a local alias
and a default argument, timed with timeit.

Usage: namespace_lookup.py [N] [NUMBER]
"""
import math
import sys
import timeit
from math import sin


def test1(x):
    """module attribute: a global lookup and an attribute lookup"""
    res = 1
    for _ in range(x):
        res += math.sin(x)
    return res


def test2(x):
    """from-import: a global lookup"""
    res = 1
    for _ in range(x):
        res += sin(x)
    return res


def test3(x, sin=math.sin):
    """default argument: a local lookup"""
    res = 1
    for _ in range(x):
        res += sin(x)
    return res


def test4(x):
    """local alias"""
    local_sin = math.sin
    res = 1
    for _ in range(x):
        res += local_sin(x)
    return res


def main(n, number):
    results = [f(n) for f in (test1, test2, test3, test4)]
    print("results:", results)
    print("all equal:", len(set(results)) == 1)
    for f in (test1, test2, test3, test4):
        print(f"{f.__name__}: {f.__doc__}")
    for f in (test1, test2, test3, test4):
        t = min(timeit.repeat(lambda: f(n), repeat=3, number=number))
        print(f.__name__, "took", t / number, "seconds")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    main(n, number)
