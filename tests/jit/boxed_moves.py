# What the boxed tier does inline or fused, driven where it has to fall back: heap values whose
# reference counts change in compiled code (a generator's `finally` runs exactly when its last
# reference goes), comparisons fused with their jump, and comparisons whose result is not a
# bool (the jump then runs on its own, and its truth test may raise).


def gen(i):
    try:
        yield i
    finally:
        print("closed", i)


def references(n):
    keep = None
    h = None
    for i in range(n):
        g = gen(i)
        next(g)
        h = g  # a second reference
        g = h  # a store over a reference that is not the last
        if i % 3 == 0:
            keep = g
        g = None
        print("step", i)
    print("end", keep is not None)


class Truth:
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        if self.b is None:
            raise ValueError("no truth")
        return self.b


class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 7:
            return Truth(None)
        return Truth(self.v < other)


def rich(n):
    total = 0
    i = 0
    while Box(i) < n:
        total += i
        i += 1
    return total


def multi_line(n):
    i = 0
    try:
        while (Box(i)
               <
               n):
            i += 1
    except ValueError as e:
        print("caught", e, "at", i)


def mixed(n):
    out = []
    big = 2**60 + 1
    for i in range(n):
        x = i * 0.5
        if x < 3:
            out.append("a")
        elif x == 3:
            out.append("b")
        elif big > 2**60 + i:
            out.append("c")
        elif x != x:
            out.append("d")
        else:
            out.append("e")
    nan = float("nan")
    hits = 0
    for i in range(n):
        if nan < i or nan == i:
            hits += 1
        if not (nan >= i):
            hits += 2
    return "".join(out), hits


references(7)
print(rich(5))
try:
    print(rich(10))
except ValueError as e:
    print("ValueError:", e)
multi_line(20)
print(mixed(12))
