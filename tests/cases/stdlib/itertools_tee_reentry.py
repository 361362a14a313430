import itertools
def gen():
    yield 1
    yield next(b)
a, b = itertools.tee(gen())
try:
    print(list(a))
except RuntimeError as e:
    print(type(e).__name__, e)
def gen2():
    yield 1
    yield next(d)
c, d = itertools.tee(gen2())
next(d)
try:
    print(list(c))
except RuntimeError as e:
    print(type(e).__name__, e)
