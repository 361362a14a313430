# Decorator calls carry their decorator's position; a decorated class body starts at the first decorator.
import functools
def deco(a):
    def w(f):
        return f
    return w
@deco(1)
@functools.lru_cache(
    maxsize=None)
class K:
    pass
@deco(2)
@deco(3)
def g():
    pass
