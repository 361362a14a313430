# os.getpid, time.sleep, and sys: getsizeof for built-in values, recursion limit, maxsize.
import os
import sys
import time

print(type(os.getpid()).__name__, os.getpid() > 0, os.getpid() == os.getpid())
print(time.sleep(0.001))
print(sys.maxsize == 2 ** 63 - 1)
for v in [0, 1, -5, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 100, -2 ** 100, True, None, 1.5, 1j,
          '', 'a', 'abc', 'a' * 100, '\xe9', '\u20ac' * 10, '\U0001f600',
          b'', b'ab', (), (1,), (1, 2, 3), [], [1, 2, 3], list(range(10)),
          {}, {'a': 1}, {1: 2}, dict.fromkeys(range(6)), dict.fromkeys(range(10)),
          {i: i for i in range(100)}, dict.fromkeys('abcdefghijk'),
          set(), {1, 2}, set(range(5)), set(range(100)), frozenset(), range(10)]:
    print(repr(v)[:20], sys.getsizeof(v))
grow = []
sizes = []
for i in range(17):
    sizes.append(sys.getsizeof(grow))
    grow.append(i)
print(sizes)


class Sized:
    def __sizeof__(self):
        return 100


print(sys.getsizeof(Sized()))
print(sys.getsizeof(1, 'default'))
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.setrecursionlimit(1.5),
            lambda: sys.getsizeof()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
