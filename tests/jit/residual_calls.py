# Calls made through the interpreter from hot loops (callees with loops, recursion,
# defaults), with exceptions, type changes and rebinding.
def total(n):
    s = 0
    for k in range(n):
        s += k
    return s

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def scaled(x, factor=2.5):
    return x * factor

def pick(i):
    for _ in range(2):
        pass
    if i % 7 == 3:
        return None
    if i % 11 == 5:
        return 1.5
    if i % 13 == 4:
        return "str"
    return i

def boom(i):
    for _ in range(1):
        pass
    if i == 57:
        raise ValueError("bad " + str(i))
    return i

def basics():
    acc = 0
    for i in range(300):
        acc += total(i % 17)
    print("totals", acc)

    acc = 0
    for i in range(200):
        acc += fact(i % 25)
    print("facts", acc)

    fs = 0.0
    for i in range(300):
        fs += scaled(i)
        fs += scaled(i, 0.5)
    print("scaled", fs)

    seen = []
    for i in range(120):
        seen.append(pick(i))
    print("picked", seen[:20], len(seen))

    caught = 0
    for i in range(100):
        try:
            boom(i)
        except ValueError as e:
            caught += 1
            print("caught", e)
    print("caught", caught)

basics()

def outer():
    s = 0
    for i in range(100):
        s += boom(i)
    return s

try:
    outer()
except ValueError as e:
    print("outside", e)

# A callee that rebinds a global the loop reads as a constant.
LIMIT = 10
def bump(i):
    global LIMIT
    for _ in range(1):
        pass
    if i == 60:
        LIMIT = 1000
    return i

def limits():
    s = 0
    for i in range(200):
        bump(i)
        s += LIMIT
    print("limit", s)
limits()

# A callee that rebinds a builtin name the loop uses.
def shadow(i):
    for _ in range(1):
        pass
    if i == 80:
        globals()["abs"] = lambda x: 7
    return i

def shadows():
    s = 0
    for i in range(150):
        shadow(i)
        s += abs(-i)
    print("abs", s)
shadows()
del abs

# A callee that mutates a list the loop reads.
data = [1, 2, 3]
def grow(xs, i):
    for _ in range(1):
        pass
    xs.append(i)
    if i % 50 == 49:
        xs.clear()
        xs.append(-1)
    return len(xs)

def grows(data):
    s = 0
    for i in range(200):
        s += grow(data, i) + len(data) + data[-1]
    print("grow", s, data[-3:])
grows(data)

# A callee that calls back into a loop that is itself compiled (re-entrancy).
def inner_sum(xs):
    t = 0
    for x in xs:
        t += x
    return t

rows = [[j * i for j in range(10)] for i in range(50)]
def sums(rows):
    s = 0
    for r in rows:
        s += inner_sum(r)
    print("rows", s)
sums(rows)

def nest(d):
    s = 0
    for i in range(3):
        s += inner_sum([d, i])
        if d > 0:
            s += nest(d - 1)
    return s
print("nest", nest(4))

# Recursion deep enough to raise.
def deep(n):
    return deep(n + 1)

for i in range(3):
    try:
        deep(0)
    except RecursionError:
        print("recursion", i)

# A method called through the interpreter.
class C:
    def __init__(self):
        self.n = 0
    def count(self, k):
        for _ in range(k):
            self.n += 1
        return self.n

def counts(c):
    s = 0
    for i in range(100):
        s += c.count(i % 3)
    print("method", s, c.n)
c = C()
counts(c)

# Keyword arguments and *args.
def kw(a, b=1, *rest):
    return a + b + len(rest)
def kws():
    s = 0
    for i in range(100):
        s += kw(i) + kw(i, 2) + kw(i, 2, 3, 4)
    print("kw", s)
kws()


# Builtins without an inline form, called through the interpreter.
def builtins_loop(w):
    total = 0
    biggest = 0
    for i in range(200):
        total += len(w) + ord(w) + min(i, 50) + max(i % 7, 3)
        biggest = max(biggest, round(i * 0.7))
        if i % 40 == 0:
            print("at", i, isinstance(i, int), callable(w))
    return total, biggest


print(builtins_loop("a"), builtins_loop("z"))


# Bools in arithmetic.
def bools(n):
    count = 0
    mixed = 0.0
    for i in range(n):
        inside = i % 3 == 0
        count += inside
        count -= (i % 5 == 0) * 2
        mixed += inside * 0.5 + (i > 10) * 1.5 - (inside - 0.25) * (i > 3)
        count += True + (i < 0)
    return count, mixed


print(bools(300))


# A callee that advances the iterator the loop runs on (shared with a variable).
def skip(it):
    for _ in range(1):
        pass
    return next(it, -1)


def pairs(xs):
    it = iter(xs)
    total = 0
    for x in it:
        total += x * 1000 + skip(it)
    return total


print("pairs", pairs(list(range(300))), pairs(list(range(301))))


def enum_pairs(xs):
    it = iter(xs)
    total = 0
    for i, x in enumerate(it):
        total += i * x + skip(it)
    return total


print("enum pairs", enum_pairs(list(range(300))))


# A callee that replaces the list items the loop holds (only the loop's variable keeps the
# old item alive).
def replace(rows, i):
    for _ in range(1):
        pass
    if i % 40 == 39:
        for k in range(len(rows)):
            rows[k] = [k * i, -k]
    return len(rows)


def holds(rows):
    total = 0
    for i in range(200):
        row = rows[i % len(rows)]
        total += replace(rows, i) + row[0] + row[-1]
    return total


print("holds", holds([[1, 2], [3, 4], [5, 6]]))


# A loop-carried object passed on after a call that may free its other owner.
def carried(rows):
    total = 0
    cur = rows[0]
    for i in range(200):
        total += replace(rows, i) + cur[0]
        cur = rows[i % len(rows)]
    return total


print("carried", carried([[1, 2], [3, 4], [5, 6]]))


def pairs_of(it):
    total = 0
    for x in it:
        total += x * 1000 + skip(it)
    return total


print("pairs of", pairs_of(iter(list(range(300)))), pairs_of(iter(range(301))))


# Bound builtin methods without arguments.
import random


def draws(n):
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.uniform(-1, 1)
        inside += x * x + y * y <= 1.0
    return inside


random.seed(3)
print("draws", draws(500), random.random())
