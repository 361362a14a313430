# Calls of small Python functions inside hot loops: the trace inlines them, and every guard
# inside a callee exits to the call, which the interpreter then makes again.
import math


def sq(x):
    return x * x


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def norm(x, y):
    return math.sqrt(sq(x) + sq(y))


def classify(n):
    if n % 3 == 0:
        return n // 3
    return -n


def inverse(x):
    return 1.0 / x


def store(xs, i, v):
    xs[i] = v


def store_then_grow(xs, i, v):
    xs[i] = v
    return v * 1000


def add_item(xs, v):
    xs.append(v)


def with_default(a, b=10):
    return a + b


def countdown(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def level3(x):
    return x + 1


def level2(x):
    return level3(x) * 2


def level1(x):
    return level2(x) - 1


def make_adder(k):
    def add(x):
        return x + k

    return add


def gen(n):
    yield n


def plain():
    # Plain inlining, nested inlining, a float result.
    s = 0.0
    for i in range(60):
        for j in range(60):
            s += eval_a(i, j)
    print(s)
    d = 0.0
    k = 0
    while k < 500:
        d += norm(k * 0.5, 1.5)
        k += 1
    print(d)
    print(sum(level1(i) for i in range(5)), [level1(i) for i in range(3)])
    t = 0
    for i in range(300):
        t += level1(i)
    print(t)


def guards():
    # A callee whose branch flips: its guard exits to the call.
    acc = 0
    for i in range(400):
        acc += classify(i)
    print(acc)
    # Int overflow inside the callee: the call is made again and gives a big int.
    big = 1
    for i in range(130):
        big = sq(big) if big < 2**40 else big * 3 + sq(i)
    print(big)
    x = 3
    for i in range(8):
        x = sq(x)
    print(x)


def exceptions():
    # An exception raised inside the callee, caught outside the call and outside the loop.
    vals = [4.0, 2.0, 1.0, 0.5] * 30 + [0.0, 8.0]
    out = 0.0
    for v in vals:
        try:
            out += inverse(v)
        except ZeroDivisionError as e:
            print("caught", e, out)
    print(out)
    try:
        run_inverse([1.0] * 100 + [0.0])
    except ZeroDivisionError as e:
        print("outside:", repr(e))


def run_inverse(values):
    r = 0.0
    for v in values:
        r += inverse(v)
    return r


def effects():
    # Side effects in callees: a list store (no guard after it) and a store followed by an
    # operation that may overflow (not inlined).
    xs = [0] * 50
    for i in range(200):
        store(xs, i % 50, i)
    print(xs[:5], sum(xs))
    ys = [0] * 10
    grown = 0
    for i in range(100):
        grown += store_then_grow(ys, i % 10, 2**53 + i)
    print(ys[:3], grown)
    items = []
    for i in range(120):
        add_item(items, i * 0.5)
    print(len(items), items[-3:])
    try:
        for i in range(100):
            store(xs, i, i)
    except IndexError as e:
        print("IndexError:", e, xs[-1])


def not_inlined():
    # Calls the trace does not inline: defaults, a loop in the callee, recursion, closures,
    # generators; the results stay the same.
    w = 0
    for i in range(100):
        w += with_default(i)
    print(w)
    c = 0
    for i in range(100):
        c += countdown(i % 7)
    print(c)
    f = 0
    for i in range(100):
        f += fact(i % 10)
    print(f)
    add5 = make_adder(5)
    a = 0
    for i in range(100):
        a += add5(i)
    print(a)
    g = 0
    for i in range(100):
        g += next(gen(i))
    print(g)


plain()
guards()
exceptions()
effects()
not_inlined()


# The function rebound mid-loop (a global name and a local alias).
def twice(x):
    return 2 * x


def thrice(x):
    return 3 * x


def rebound():
    global twice
    r = 0
    for i in range(200):
        if i == 150:
            twice = thrice
        r += twice(i)
    print(r)


rebound()


def rebinds():
    global sq
    old = sq
    total = 0
    for i in range(120):
        if i == 100:
            sq = lambda v: -v
        total += sq(i)
    sq = old
    return total


print(rebinds(), sq(7))

# A callee changing the type of what it returns.
def half(n):
    return n / 2 if n > 90 else n // 2


def halves():
    h = 0
    for i in range(120):
        h += half(i)
    print(h)


halves()

# Deep recursion around a loop that calls a function: near the recursion limit the call
# raises RecursionError exactly where the interpreter raises it.
def loop_calls(n):
    t = 0
    for i in range(n):
        t += sq(i)
    return t


def recurse(depth):
    if depth == 0:
        return loop_calls(60)
    return recurse(depth - 1)


print(recurse(10))
try:
    recurse(2000)
except RecursionError as e:
    print("RecursionError:", e)
