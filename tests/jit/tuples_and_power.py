# Tuples (indexing, unpacking, iteration) and float powers in hot loops, including the cases
# that leave the trace: a tuple of another length or item type, a power that raises or turns
# complex.


def powers(n):
    s = 0.0
    for i in range(1, n):
        x = i * 0.37 - 50.0
        s += abs(x) ** -1.5 + 2.0 ** (i % 7) + (i * 0.5) ** 2
        try:
            s += x ** 0.5
        except Exception:
            s += 1
        t = (i, x, -x)
        a, b, c = t
        s += t[1] - c + t[-1] * a
    return s


def unpacking(rows):
    total = 0.0
    for row in rows:
        try:
            a, b, c = row
            total += a * b - c
        except ValueError as e:
            total += 0.5
            print("unpack:", e)
        except TypeError as e:
            print("type:", e)
    return total


def pairs_loop(pairs, steps):
    acc = 0.0
    for _ in range(steps):
        for ((x1, y1), m1), ((x2, y2), m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            acc += m1 * m2 / ((dx * dx + dy * dy) ** 0.5)
    return acc


def tuple_iter(t):
    out = []
    for v in t:
        out.append(v * 2)
    return out


print(repr(powers(2000)))
rows = [(1.0, 2.0, 3.0)] * 300 + [(1, 2, 3)] * 5 + [(1.0, 2.0)] + [[4.0, 5.0, 6.0]] * 100
rows += [(1.0, 2.0, 3.0, 4.0)] + [(2.0, 3.0, 1.0)] * 200 + [("a", "b", "")]
print(repr(unpacking(rows)))
bodies = [((float(i), float(i * i % 7)), 1.0 + i) for i in range(6)]
pairs = [(bodies[i], bodies[j]) for i in range(6) for j in range(i + 1, 6)]
print(repr(pairs_loop(pairs, 200)))
print(tuple_iter(tuple(range(200)) + (0.5, 1.5, 2, 3.25) + tuple(range(100)))[195:210])
y = 0.0
try:
    for k in range(100):
        y = 0.0 ** (-1.0 if k > 60 else 1.0)
except ZeroDivisionError as e:
    print("zde", k, e)
