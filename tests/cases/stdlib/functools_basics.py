# functools: wraps/update_wrapper, reduce, partial, total_ordering, cmp_to_key.
import functools
from functools import wraps, reduce, partial, update_wrapper, total_ordering, cmp_to_key


def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        "wrapper doc"
        return f(*args, **kwargs)
    return wrapper


@deco
def add(a, b):
    "Add two numbers."
    return a + b


add.__dict__['tag'] = 'kept'
print(add(1, 2), add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(3, 4))


def target():
    pass


target.extra = 42


def other():
    "other doc"


w = update_wrapper(other, target)
print(w is other, other.__name__, other.__doc__, other.extra, other.__wrapped__ is target)


class Holder:
    def method(self):
        pass


@wraps(Holder.method)
def method_wrapper():
    pass


print(method_wrapper.__qualname__)

# reduce
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a + b, [], 10))
print(reduce(lambda a, b: a + b, ['x'], 'y'))
print(reduce(lambda a, b: a + [b], range(3), []))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5)]:
    try:
        reduce(*args)
    except TypeError as e:
        print(type(e).__name__, e)

# partial
p = partial(add, 1)
print(p(5), p.func is add, p.args, p.keywords)
q = partial(p, b=10)
print(q(), q.func is add, q.args, q.keywords, q(b=1))


def kw(a, b=0, *, c=1):
    return (a, b, c)


r = partial(kw, c=3)
print(r(1), r(1, 2), r(1, c=9))
text = repr(partial(kw, 1, c=2))
print(text[:text.index(' at ')], text[text.index('>'):])
text = repr(partial(len))
print(text)
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(partial(pow, 2), range(5))))


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, a <= Version(1), a >= Version(1))


@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n


print(Rev(1) < Rev(2), Rev(1) >= Rev(2), Rev(3) <= Rev(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)


def compare(x, y):
    return (x > y) - (x < y)


print(sorted([3, 1, 2], key=cmp_to_key(compare)))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda x, y: len(y) - len(x))))
k = cmp_to_key(compare)
print(k(1) < k(2), k(2) == k(2), k(3) >= k(4))
try:
    hash(k(1))
except TypeError as e:
    print(type(e).__name__)


@total_ordering
class LessEqual:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __le__(self, other):
        return self.n <= other.n


@total_ordering
class GreaterEqual:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n


for cls in (LessEqual, GreaterEqual):
    x, y = cls(1), cls(2)
    print(cls.__name__, x < y, x > y, x <= y, x >= y, y > x, x < cls(1), x >= cls(1))
print(LessEqual.__gt__.__name__)
