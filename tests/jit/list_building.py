# Lists built in hot loops: comprehensions of numbers, objects and constants, with and without
# a condition, nested; list.append of borrowed objects; appends inside an inlined call; the
# list being built read while it grows.


def squares(n):
    return [k * k for k in range(n)]


def halves(xs):
    return [x / 2 for x in xs if x % 3]


def names(words):
    return [w for w in words if w]


def constants(n):
    return [None for _ in range(n)] + ["x" for _ in range(n)] + [(1, 2) for _ in range(3)]


def rows(grid):
    return [row for row in grid if len(row) > 1]


def nested(n):
    return [[i * j for j in range(i)] for i in range(n)]


def pick(items, wanted):
    out = []
    for item in items:
        if item[0] in wanted:
            out.append(item)
        out.append(item[1])
    return out


def add_twice(target, x):
    target.append(x)
    target.append(x + 1)


def appends_in_call(n):
    acc = []
    for i in range(n):
        add_twice(acc, i * 0.5)
    return acc[-4:], len(acc)


def growing(n):
    xs = [1]
    for i in range(n):
        xs.append(xs[i] + xs[-1])
    return xs[-1], len(xs)


def self_append(n):
    xs = []
    for i in range(n):
        xs.append(xs)
    return len(xs), xs[0] is xs


def mixed(n):
    out = []
    for i in range(n):
        if i % 4 == 0:
            out.append(i)
        elif i % 4 == 1:
            out.append(i * 1.5)
        elif i % 4 == 2:
            out.append(1j * i)
        else:
            out.append(str(i))
    return out[-8:]


print(squares(300)[-3:], len(squares(300)))
print(halves([float(k) for k in range(400)])[-5:])
print(names(["a", "", "bc", "", "d"] * 60)[:6], len(names(["a", "", "bc"] * 100)))
c = constants(200)
print(c[0], c[199], c[200], c[-1], len(c))
print(len(rows([[1], [1, 2], (3, 4, 5), [6]] * 80)))
print(nested(40)[-1][-3:], sum(len(r) for r in nested(40)))
print(pick([(k % 7, "v%d" % k) for k in range(300)], (1, 3))[-5:])
print(appends_in_call(300))
print(growing(80))
print(self_append(300))
print(mixed(300))
