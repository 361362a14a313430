# Hot functions compiled from their entry: each path ends at a return (or enters the tree of
# the function's loop), and the interpreter makes the return. Everything here must print what
# CPython prints.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def check_prime(number):
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, int(number**0.5) + 1, 2):
        if number % i == 0:
            return False
    return True


def scale(x, factor=2, *, offset=0):
    return x * factor + offset


def poly(x):
    # Called with ints, then floats, then complex numbers, then strings: each entry type gets a
    # tree of its own (or the interpreter).
    return x * x + x


def grows(x):
    # Past 2**63 in the function's body: the interpreter's big ints take over.
    return x * x * 7 + 1


LIMIT = 10


def clipped(x):
    # Reads a global the caller rebinds between calls.
    if x > LIMIT:
        return LIMIT
    return x


def make_counter(step):
    total = 0

    def add(x):
        # A closure: its cells are made before the entry.
        nonlocal total
        total += x * step
        return total

    return add


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None
    finally:
        pass


def depth(n):
    if n == 0:
        raise ValueError("bottom")
    return depth(n - 1) + 1


def first_over(xs, limit):
    for x in xs:
        if x > limit:
            return x
    return -1


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def advance(it):
    # Advances the iterator a comprehension runs over.
    next(it, None)
    return 1


def main():
    print(fib(22), [fib(k) for k in range(15)])
    print(sum(1 for n in range(3000) if check_prime(n)), check_prime(10**9 + 7))

    print(sum(scale(k) for k in range(300)), scale(3, 5), scale(3, offset=1), scale(1.5))

    vals = []
    for k in range(200):
        vals.append(poly(k))
    for k in range(200):
        vals.append(poly(k / 4))
    for k in range(60):
        vals.append(poly(complex(k, 1)))
    print(sum(vals[:400]), vals[-1], poly("ab" * 2) if False else poly(3))
    try:
        poly("ab")
    except TypeError as e:
        print("TypeError:", e)

    big = [grows(3**k) for k in range(30)]
    print(big[-1], type(big[-1]).__name__, big[18:20])

    global LIMIT
    out = []
    for k in range(300):
        if k == 150:
            LIMIT = 2.5
        out.append(clipped(k % 20))
    print(sum(out), out[-3:])

    add = make_counter(3)
    for k in range(200):
        add(k)
    print(add(0))

    print([safe_div(k, k % 4) for k in range(200)][-8:])

    caught = 0
    for k in range(120):
        try:
            depth(k % 30)
        except ValueError as e:
            caught += len(str(e))
    print(caught)
    try:
        fib(10**5)
    except RecursionError:
        print("RecursionError")

    xs = list(range(100))
    print([first_over(xs, lim) for lim in range(0, 200, 7)])

    pts = [Point(k, -k) for k in range(300)]
    print(sum(p.norm1() for p in pts))

    # The iterator of a list comprehension, advanced by the function its body calls.
    it = iter(range(300))
    print(sum([advance(it) + x for x in it]))
    it2 = iter(list(range(300)))
    print(sum(advance(it2) + x for x in it2))

    square = lambda v: v * v  # noqa: E731
    print(sum(square(k) for k in range(500)))


main()
