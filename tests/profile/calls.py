# Hit counts across calls: nested profiled calls, recursion, methods, closures, lambdas and
# calls spread over several lines.
try:
    profile
except NameError:
    def profile(func):
        return func


@profile
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@profile
def helper(x):
    return x * 3


@profile
def outer(n):
    acc = 0
    for i in range(n):
        acc += helper(i)
    scale = lambda v: v + 1
    acc = scale(acc)
    acc += max(helper(1),
               helper(2),
               key=lambda v: -v)
    return acc


class Counter:
    def __init__(self):
        self.count = 0

    @profile
    def bump(self, by=1):
        self.count += by
        return self

    @profile
    def total(self):
        return self.count


@profile
def make_adder(k):
    def add(x):
        return x + k
    return add


@profile
def never_called():
    return 0


def unprofiled(n):
    return sum(helper(i) for i in range(n))


print(fib(8))
print(outer(5))
c = Counter()
for _ in range(4):
    c.bump().bump(2)
print(c.total())
print(make_adder(3)(4))
print(unprofiled(3))


class Shapes:
    @profile
    @staticmethod
    def double(x):
        y = x * 2
        return y

    @profile
    @classmethod
    def named(cls, x):
        return cls.__name__ + str(x)

    @profile
    @property
    def area(self):
        return 12


print(Shapes.double(4), Shapes.named(1), Shapes().area)
