# functools.lru_cache and cache: both decorator forms, statistics, eviction, clearing.
import functools
from functools import lru_cache, cache


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], type(info).__name__)
fib.cache_clear()
print(fib.cache_info())


@lru_cache
def square(x):
    return x * x


for i in [1, 2, 1, 3, 1]:
    square(i)
print(square.cache_info(), square.__name__, square.__wrapped__(4))


@lru_cache(maxsize=2)
def ident(x):
    print('computing', x)
    return x


for i in [1, 2, 1, 3, 2, 1]:
    ident(i)
print(ident.cache_info())


@lru_cache(maxsize=0)
def never(x):
    return x


never(1)
never(1)
print(never.cache_info())


@cache
def fact(n):
    return n * fact(n - 1) if n else 1


print(fact(20), fact.cache_info())


@lru_cache(maxsize=4)
def kwargs(a, b=1, *, c=2):
    return a + b + c


print(kwargs(1), kwargs(1, 1), kwargs(1, b=1), kwargs(1, c=2), kwargs.cache_info())


class Graph:
    @lru_cache(maxsize=None)
    def paths(self, n):
        return 1 if n < 2 else self.paths(n - 1) + self.paths(n - 2)


print(Graph().paths(30))
try:
    lru_cache(maxsize='big')
except TypeError as e:
    print(type(e).__name__, e)


@lru_cache(maxsize=None)
def unhashable(x):
    return x


try:
    unhashable([1])
except TypeError as e:
    print(type(e).__name__, e)
