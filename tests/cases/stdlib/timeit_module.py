# timeit: string and callable statements, setup, globals, Timer; timings are not printed.
import timeit


def f():
    return sum(range(10))


t = timeit.timeit('x = 1 + 1', number=100)
print(type(t).__name__, t >= 0)
print(type(timeit.timeit('f()', setup='from __main__ import f', number=10)).__name__)
print(type(timeit.timeit(f, number=10)).__name__)
print(type(timeit.timeit('f()', globals=globals(), number=10)).__name__)
r = timeit.repeat('pass', number=10, repeat=3)
print(type(r).__name__, len(r), all(v >= 0 for v in r))
timer = timeit.Timer('y = [i * i for i in range(n)]', setup='n = 10')
print(type(timer.timeit(number=5)).__name__, len(timer.repeat(2, 3)))
timer = timeit.Timer(stmt=f, setup=lambda: None)
print(timer.timeit(3) >= 0)
timer = timeit.Timer('a = 1\nb = a + 1\nassert b == 2')
print(timer.timeit(3) >= 0)
number, taken = timeit.Timer('pass').autorange()
print(number >= 1, taken >= 0.2)
print(timeit.default_timer() > 0, timeit.default_number, timeit.default_repeat)
calls = []
print(timeit.timeit(lambda: calls.append(1), number=7) >= 0, len(calls))
for bad in [lambda: timeit.timeit(5), lambda: timeit.timeit('pass', setup=3)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    timeit.timeit('undefined_name', number=1)
except NameError as e:
    print(type(e).__name__, e)
